-- Shared by the wrk scripts: the Authorization header of user id's bearer token
-- ("ut_bench" and the id in 38 digits, seeded by run.sh) when the service requires
-- sign-in (BENCH_AUTH=1).
local auth = os.getenv("BENCH_AUTH") == "1"

return function(headers, id)
	if auth then
		headers["Authorization"] = string.format("Bearer ut_bench%038d", id)
	end
	return headers
end
