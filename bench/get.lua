-- A fixed GET (the URL given to wrk), as user 1 when the service requires sign-in;
-- reported by report.lua.
local sign = dofile(os.getenv("BENCH_LUA_DIR") .. "/auth.lua")
sign(wrk.headers, 1)

done = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
