-- A fixed GET (the URL given to wrk), reported by report.lua.
done = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
