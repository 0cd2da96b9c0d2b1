-- wrk: POST /api/v1/makeCall/ addressed by external ids, with the integration key.
-- Env: ENLACE_KEY, ENLACE_SYSTEM, ENLACE_CAMPAIGNS (1000), ENLACE_QUEUE (10), ENLACE_CONTACTS (1000000).
local key = os.getenv("ENLACE_KEY")
local system = tonumber(os.getenv("ENLACE_SYSTEM"))
local campaigns = tonumber(os.getenv("ENLACE_CAMPAIGNS") or "1000")
local queue = tonumber(os.getenv("ENLACE_QUEUE") or "10")
local contacts = tonumber(os.getenv("ENLACE_CONTACTS") or "1000000")
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }

-- Each wrk thread its own random stream: with the same default seed both threads would send the
-- same requests at the same moments, and every second one would find its agent busy.
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("seed", threads * 7919)
end

function init(args)
   math.randomseed(seed or 1)
end

request = function()
   local c = math.random(0, campaigns - 1)
   local a = c * queue + math.random(0, queue - 1)
   local contact = math.random(0, contacts - 1)
   local body = string.format(
      '{"idExternalSystem":%d,"idCampaign":"C%04d","idAgent":"A%05d","idContact":"E%07d","phone":"55%08d"}',
      system, c, a, contact, contact)
   return wrk.format("POST", "/api/v1/makeCall/", headers, body)
end
