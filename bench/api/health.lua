-- wrk: the constant route of the same server, as the reference throughput.
request = function()
   return wrk.format("GET", "/api/v1/health")
end
