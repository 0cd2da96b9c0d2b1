-- wrk: POST /api/v1/disposition/ addressed by external ids, with the integration key.
-- Each request qualifies a (campaign, contact) pair no other request uses, so every one is a
-- real insert (a repeated pair would be a cheap 400).
-- Env: ENLACE_KEY, ENLACE_SYSTEM, ENLACE_OPTION0 (option id of campaign C0000; ids are
-- consecutive per campaign), ENLACE_CAMPAIGNS, ENLACE_QUEUE, ENLACE_CONTACTS.
local key = os.getenv("ENLACE_KEY")
local system = tonumber(os.getenv("ENLACE_SYSTEM"))
local option0 = tonumber(os.getenv("ENLACE_OPTION0"))
local campaigns = tonumber(os.getenv("ENLACE_CAMPAIGNS") or "1000")
local queue = tonumber(os.getenv("ENLACE_QUEUE") or "10")
local contacts = tonumber(os.getenv("ENLACE_CONTACTS") or "1000000")
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }

local threads = {}
local counter = 0

function setup(thread)
   thread:set("base", #threads * 100000007)
   table.insert(threads, thread)
end

function init(args)
   -- "base" is the global that setup() gave this thread.
   base = base or 0
end

request = function()
   counter = counter + 1
   local n = base + counter
   local c = n % campaigns
   local contact = math.floor(n / campaigns) % contacts
   local a = c * queue + (n % queue)
   local body = string.format(
      '{"idExternalSystem":%d,"idContact":"E%07d","idDispositionOption":%d,"idAgent":"A%05d","comments":"bench","callid":"b-%d"}',
      system, contact, option0 + c, a, n)
   return wrk.format("POST", "/api/v1/disposition/", headers, body)
end
