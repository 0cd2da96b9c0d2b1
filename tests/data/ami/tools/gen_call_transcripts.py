# Writes the channel-event heavy transcripts (pbx_*.txt) into the current directory, with the
# standard channel snapshot of every event in Asterisk's field order. Run from tests/data/ami:
#   python3 tools/gen_call_transcripts.py
# The .txt files are what the tests read; this only saves typing 80-line events by hand.
CH = {
 'L1': dict(Channel='Local/1001@click2call-00000001;1', Uniqueid='1732540000.101', CallerIDNum='<unknown>', CallerIDName='<unknown>', Context='click2call', Exten='1001', Priority='1'),
 'L2': dict(Channel='Local/1001@click2call-00000001;2', Uniqueid='1732540000.102', CallerIDNum='<unknown>', CallerIDName='<unknown>', Context='click2call', Exten='1001', Priority='1'),
 'AG': dict(Channel='PJSIP/1001-0000000a', Uniqueid='1732540000.103', CallerIDNum='1001', CallerIDName='Ana Pérez', Context='from-internal', Exten='', Priority='1'),
 'TR': dict(Channel='PJSIP/trunk-0000000b', Uniqueid='1732540000.104', CallerIDNum='5491155551234', CallerIDName='<unknown>', Context='from-pstn', Exten='', Priority='1'),
}
LINKED = '1732540000.101'
STATES = {0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up'}

def snap(ch, state, prefix='', linked=None, conn=('<unknown>', '<unknown>')):
    c = CH[ch]
    out = []
    out.append((prefix + 'Channel', c['Channel']))
    out.append((prefix + 'ChannelState', str(state)))
    out.append((prefix + 'ChannelStateDesc', STATES[state]))
    out.append((prefix + 'CallerIDNum', c['CallerIDNum']))
    out.append((prefix + 'CallerIDName', c['CallerIDName']))
    out.append((prefix + 'ConnectedLineNum', conn[0]))
    out.append((prefix + 'ConnectedLineName', conn[1]))
    out.append((prefix + 'Language', 'es'))
    out.append((prefix + 'AccountCode', ''))
    out.append((prefix + 'Context', c['Context']))
    out.append((prefix + 'Exten', c['Exten']))
    out.append((prefix + 'Priority', c['Priority']))
    out.append((prefix + 'Uniqueid', c['Uniqueid']))
    out.append((prefix + 'Linkedid', linked or LINKED))
    return out

def event(name, fields, privilege='call,all'):
    lines = ['< Event: ' + name, '< Privilege: ' + privilege]
    for k, v in fields:
        lines.append('< %s: %s' % (k, v) if v != '' else '< %s: ' % k)
    lines.append('<')
    return '\n'.join(lines) + '\n'

def varset(ch, state, var, value):
    return event('VarSet', snap(ch, state) + [('Variable', var), ('Value', value)], 'dialplan,all')

def newchannel(ch):
    return event('Newchannel', snap(ch, 0))

def dialbegin(src, sstate, dst, dialstring):
    return event('DialBegin', snap(src, sstate) + snap(dst, 0, 'Dest') + [('DialString', dialstring)])

def dialend(src, sstate, dst, status):
    return event('DialEnd', snap(src, sstate) + snap(dst, 6 if status == 'ANSWER' else 0, 'Dest') + [('DialStatus', status)])

def bridgeenter(bridge, n, ch):
    return event('BridgeEnter', [('BridgeUniqueid', bridge), ('BridgeType', 'basic'), ('BridgeTechnology', 'simple_bridge'),
                                 ('BridgeCreator', '<unknown>'), ('BridgeName', '<unknown>'), ('BridgeNumChannels', str(n)),
                                 ('BridgeVideoSourceMode', 'none')] + snap(ch, 6))

def bridgeleave(bridge, n, ch):
    return event('BridgeLeave', [('BridgeUniqueid', bridge), ('BridgeType', 'basic'), ('BridgeTechnology', 'simple_bridge'),
                                 ('BridgeCreator', '<unknown>'), ('BridgeName', '<unknown>'), ('BridgeNumChannels', str(n)),
                                 ('BridgeVideoSourceMode', 'none')] + snap(ch, 6))

def hangup(ch, state=6, cause='16', txt='Normal Clearing'):
    return event('Hangup', snap(ch, state) + [('Cause', cause), ('Cause-txt', txt)])

LOGIN = '''< Asterisk Call Manager/7.0.3
> Action: Login
> ActionID: ${login}
> Username: enlace
> Secret: s3cr3t-pw
>
< Response: Success
< ActionID: ${login}
< Message: Authentication accepted
<
< Event: FullyBooted
< Privilege: system,all
< Uptime: 5123
< LastReload: 5123
< Status: Fully Booted
<
> Action: Events
> ActionID: ${events}
> EventMask: on
>
< Response: Success
< ActionID: ${events}
< Events: On
<
'''

def login(suffix=''):
    return LOGIN.replace('${login}', '${login%s}' % suffix).replace('${events}', '${events%s}' % suffix)

def showchannels(var, items):
    s = '> Action: CoreShowChannels\n> ActionID: ${%s}\n>\n' % var
    s += '< Response: Success\n< ActionID: ${%s}\n< EventList: start\n< Message: Channels will follow\n<\n' % var
    for ch, state, bridge, app, appdata, dur in items:
        c = snap(ch, state)
        fields = [('ActionID', '${%s}' % var)] + c + [('BridgeId', bridge), ('Application', app), ('ApplicationData', appdata), ('Duration', dur)]
        s += '< Event: CoreShowChannel\n' + ''.join('< %s: %s\n' % (k, v) if v != '' else '< %s: \n' % k for k, v in fields) + '<\n'
    s += '< Event: CoreShowChannelsComplete\n< ActionID: ${%s}\n< EventList: Complete\n< ListItems: %d\n<\n' % (var, len(items))
    return s

ORIGINATE = '''> Action: Originate
> ActionID: ${orig}
> Channel: Local/1001@click2call/n
> Context: from-oml
> Exten: 5491155551234
> Priority: 1
> Timeout: 45000
> Async: true
> Variable: IdCamp=3
> Variable: codCli=42
> Variable: origin=contactos
> Variable: Tipocamp=3
> Variable: FTSAGENTE=7_Ana Pérez
>
'''
QUEUED = '< Response: Success\n< ActionID: ${orig}\n< Message: Originate successfully queued\n<\n'

def origresp(resp, reason, uid):
    return ('< Event: OriginateResponse\n< Privilege: call,all\n< ActionID: ${orig}\n< Response: %s\n< Channel: Local/1001@click2call/n\n'
            '< Context: from-oml\n< Exten: 5491155551234\n< Application: \n< Data: \n< Reason: %s\n< Uniqueid: %s\n'
            '< CallerIDNum: <unknown>\n< CallerIDName: <unknown>\n<\n') % (resp, reason, uid)

BA = '6e0c1d2a-0a3b-4c1e-9d2f-1f2e3d4c5b6a'
BB = '9a8b7c6d-1e2f-4a3b-8c7d-6e5f4a3b2c1d'

def agent_leg():
    s = newchannel('L1') + newchannel('L2')
    for var, val in [('IdCamp', '3'), ('codCli', '42'), ('origin', 'contactos'), ('Tipocamp', '3'), ('FTSAGENTE', '7_Ana Pérez')]:
        s += varset('L1', 0, var, val)
    s += varset('L2', 4, '__OMLRECFILENAME', '20241125-133000_3_5491155551234_1732540000.101')
    s += varset('L2', 4, '__OMLCRMSEGMENT', 'gold')
    s += newchannel('AG') + dialbegin('L2', 4, 'AG', '1001')
    return s

# ---- pbx_click2call.txt
s = '# OMniLeads click2call as Asterisk 18 reports it: originate, agent leg, customer leg, hang-up requested by Enlace.\n'
s += login() + showchannels('list', []) + ORIGINATE + QUEUED + agent_leg()
s += dialend('L2', 4, 'AG', 'ANSWER') + bridgeenter(BA, 1, 'L2') + bridgeenter(BA, 2, 'AG')
s += origresp('Success', '4', '1732540000.101')
s += newchannel('TR') + varset('L1', 6, 'MIXMONITOR_FILENAME', '/var/spool/asterisk/monitor/2024-11-25/other-name.wav')
s += dialbegin('L1', 6, 'TR', '5491155551234@trunk') + dialend('L1', 6, 'TR', 'ANSWER')
s += bridgeenter(BB, 1, 'L1') + bridgeenter(BB, 2, 'TR')
s += '> Action: Hangup\n> ActionID: ${h1}\n> Channel: PJSIP/1001-0000000a\n>\n'
s += '> Action: Hangup\n> ActionID: ${h2}\n> Channel: PJSIP/trunk-0000000b\n>\n'
s += '< Response: Success\n< ActionID: ${h1}\n< Message: Channel Hungup\n<\n'
s += bridgeleave(BA, 1, 'AG') + hangup('AG', cause='16') + bridgeleave(BA, 0, 'L2') + hangup('L2')
s += '< Response: Success\n< ActionID: ${h2}\n< Message: Channel Hungup\n<\n'
s += bridgeleave(BB, 1, 'TR') + hangup('TR') + bridgeleave(BB, 0, 'L1') + hangup('L1')
open('pbx_click2call.txt', 'w').write(s)

# ---- pbx_originate_error.txt: Asterisk refuses the action itself.
s = '# Originate refused at once (Response: Error), e.g. a manager user without the originate class or a wrong context.\n'
s += login() + showchannels('list', []) + ORIGINATE
s += '< Response: Error\n< ActionID: ${orig}\n< Message: Extension does not exist.\n<\n'
open('pbx_originate_error.txt', 'w').write(s)

# ---- pbx_originate_failure.txt: queued, the agent's phone is busy.
s = '# Originate queued, then the agent leg fails: OriginateResponse with Response: Failure, Reason 5 (busy).\n'
s += login() + showchannels('list', []) + ORIGINATE + QUEUED + agent_leg()
s += dialend('L2', 4, 'AG', 'BUSY') + hangup('AG', 0, '17', 'User busy') + hangup('L2', 4, '17', 'User busy') + hangup('L1', 0, '17', 'User busy')
s += origresp('Failure', '5', '<null>')
open('pbx_originate_failure.txt', 'w').write(s)

# ---- pbx_reconnect_resync.txt: a call is up, Asterisk link drops, on return the call is gone.
s = '# A click2call is connected when the link drops; after logging in again CoreShowChannels shows\n# which calls survived: the call of this script ended meanwhile, another one is running.\n'
s += login() + showchannels('list', []) + ORIGINATE + QUEUED + agent_leg()
s += dialend('L2', 4, 'AG', 'ANSWER') + bridgeenter(BA, 1, 'L2') + bridgeenter(BA, 2, 'AG')
s += origresp('Success', '4', '1732540000.101')
s += newchannel('TR') + dialbegin('L1', 6, 'TR', '5491155551234@trunk') + dialend('L1', 6, 'TR', 'ANSWER')
s += bridgeenter(BB, 1, 'L1') + bridgeenter(BB, 2, 'TR')
s += '! close\n! accept\n'
s += login('2')
CH['X1'] = dict(Channel='PJSIP/trunk-0000000f', Uniqueid='1732540200.300', CallerIDNum='3515550000', CallerIDName='<unknown>', Context='from-pstn', Exten='08001234', Priority='5')
s += showchannels('list2', [('X1', 6, '', 'Queue', 'ventas,tT', '00:00:12')]).replace('Linkedid: 1732540000.101\n< BridgeId: \n', 'Linkedid: 1732540200.300\n< BridgeId: \n')
open('pbx_reconnect_resync.txt', 'w').write(s)

# ---- pbx_inbound_queue.txt: a caller waits in queue "ventas" and agent 1002 takes it.
CH['IN'] = dict(Channel='PJSIP/trunk-00000010', Uniqueid='1732540300.400', CallerIDNum='3515557777', CallerIDName='<unknown>', Context='from-pstn', Exten='08001234', Priority='1')
CH['A2'] = dict(Channel='PJSIP/1002-00000011', Uniqueid='1732540300.401', CallerIDNum='1002', CallerIDName='Bruno Díaz', Context='from-internal', Exten='', Priority='1')
L = '1732540300.400'
s = '# Inbound: a caller reaches queue "ventas", the dial plan tags the call, agent 1002 is rung and answers after 23 s in queue.\n'
s += login() + showchannels('list', [])
s += event('Newchannel', snap('IN', 4, linked=L))
for var, val in [('__OMLCAMPID', '9'), ('__OMLCALLTYPEID', '3'), ('__IDCLIENTE', '555'), ('__OMLOUTNUM', '3515557777'),
                 ('__OMLRECFILENAME', '20241125-140000_9_3515557777_1732540300.400'), ('__OMLCRMTICKET', 'T-77')]:
    s += event('VarSet', snap('IN', 6, linked=L) + [('Variable', var), ('Value', val)], 'dialplan,all')
s += event('QueueCallerJoin', snap('IN', 6, linked=L) + [('Queue', 'ventas'), ('Position', '1'), ('Count', '1')], 'agent,all')
s += event('Newchannel', snap('A2', 0, linked=L))
s += event('AgentCalled', snap('IN', 6, linked=L) + snap('A2', 0, 'Dest', linked=L) + [('Queue', 'ventas'), ('MemberName', 'Bruno Díaz'), ('Interface', 'PJSIP/1002')], 'agent,all')
s += event('DialBegin', snap('IN', 6, linked=L) + snap('A2', 0, 'Dest', linked=L) + [('DialString', '1002')])
s += event('DialEnd', snap('IN', 6, linked=L) + snap('A2', 6, 'Dest', linked=L) + [('DialStatus', 'ANSWER')])
s += event('QueueCallerLeave', snap('IN', 6, linked=L) + [('Queue', 'ventas'), ('Position', '1'), ('Count', '0')], 'agent,all')
s += event('AgentConnect', snap('IN', 6, linked=L) + snap('A2', 6, 'Dest', linked=L) + [('Queue', 'ventas'), ('MemberName', 'Bruno Díaz'), ('Interface', 'PJSIP/1002'), ('RingTime', '4'), ('HoldTime', '23')], 'agent,all')
s += event('Hangup', snap('IN', 6, linked=L) + [('Cause', '16'), ('Cause-txt', 'Normal Clearing')])
s += event('Hangup', snap('A2', 6, linked=L) + [('Cause', '16'), ('Cause-txt', 'Normal Clearing')])
open('pbx_inbound_queue.txt', 'w').write(s)

# ---- pbx_reconnect_survives.txt: the call outlives the outage and ends later, once.
s = '# A connected click2call survives an AMI outage: CoreShowChannels lists its channels after the\n# new login, so the call goes on and ends, once, when its channels hang up.\n'
s += login() + showchannels('list', []) + ORIGINATE + QUEUED + agent_leg()
s += dialend('L2', 4, 'AG', 'ANSWER') + bridgeenter(BA, 1, 'L2') + bridgeenter(BA, 2, 'AG')
s += origresp('Success', '4', '1732540000.101')
s += newchannel('TR') + dialbegin('L1', 6, 'TR', '5491155551234@trunk') + dialend('L1', 6, 'TR', 'ANSWER')
s += bridgeenter(BB, 1, 'L1') + bridgeenter(BB, 2, 'TR')
s += '! close\n! accept\n'
s += login('2')
s += showchannels('list2', [('L1', 6, BB, 'AppDial', '(Outgoing Line)', '00:01:02'), ('L2', 6, BA, 'Dial', 'PJSIP/1001,,', '00:01:02'),
                            ('AG', 6, BA, 'AppDial', '(Outgoing Line)', '00:01:01'), ('TR', 6, BB, 'AppDial', '(Outgoing Line)', '00:00:40')])
s += hangup('TR') + hangup('L1') + hangup('L2') + hangup('AG')
open('pbx_reconnect_survives.txt', 'w').write(s)
