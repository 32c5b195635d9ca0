# Shared by the bench/ scripts; sourced, not run. The caller has `cd`'d to the repository root; the
# functions that start and measure a server also want WORK and APP_PORT set and an array `pids` that
# the caller's EXIT trap kills.

# The JVM flags of every server (and export) the benchmarks start: the issue's heap limit, the run
# command's argument file (src/main/jvm/feedserver.options: the CDS archive, the CompileCommand and
# Tier4 flags), the CDS archive beside the jar when it is another jar ($JAR) and the build made one
# (a later flag wins), then $JAVA_OPTS (extra flags; they come last, so they win: JAVA_OPTS=-Xmx512m
# undoes the limit). Sets the array JVM_FLAGS.
jvm_flags() {
  local jar=${JAR:-target/feedserver.jar}
  JVM_FLAGS=(-Xmx256m @src/main/jvm/feedserver.options)
  if [ "$jar" != target/feedserver.jar ] && [ -f "${jar%.jar}.jsa" ]; then
    JVM_FLAGS+=("-XX:SharedArchiveFile=${jar%.jar}.jsa")
  fi
  # shellcheck disable=SC2206 # word splitting wanted: several flags in one variable
  JVM_FLAGS+=(${JAVA_OPTS:-})
}

# The flags as one line, for the benchmarks' header lines: an argument file as the flags it holds.
jvm_note() {
  jvm_flags
  local flag words=()
  for flag in "${JVM_FLAGS[@]}"; do
    if [[ $flag == @* ]]; then
      # shellcheck disable=SC2207 # the file's words, its comments removed
      words+=($(sed 's/#.*//' "${flag#@}"))
    else
      words+=("$flag")
    fi
  done
  echo "${words[*]}"
}

# Runs the jar ($JAR, default target/feedserver.jar) with jvm_flags and the arguments given. It
# exec's, so that the caller's $! is the JVM: start a server as `VAR=... feedserver_java ARGS &`,
# run a command in a subshell: `(feedserver_java export DIR)`.
feedserver_java() {
  jvm_flags
  exec java "${JVM_FLAGS[@]}" -jar "${JAR:-target/feedserver.jar}" "$@"
}

# Exits unless $1 is a format bench/gen_corpus.py writes.
check_format() {
  case $1 in
    html|md|mix) ;;
    *) echo "FORMAT must be html, md or mix (got '$1')" >&2; exit 2;;
  esac
}

# The corpus folder of $1 articles in format $2: $WORK/corpus-N for html (its name from before
# formats existed), $WORK/corpus-N-FORMAT otherwise.
corpus_dir() {
  if [ "$2" = html ]; then echo "$WORK/corpus-$1"; else echo "$WORK/corpus-$1-$2"; fi
}

# Writes the corpus of $1 articles in format $2 unless its folder exists. If a bench/gen_corpus.py
# is still writing that folder (another benchmark started it), waits until it is done instead.
ensure_corpus() {
  local dir
  dir=$(corpus_dir "$1" "$2")
  if pgrep -f "gen_corpus\.py .*--out $dir\$" >/dev/null; then
    echo "waiting for the bench/gen_corpus.py that is writing $dir" >&2
    while pgrep -f "gen_corpus\.py .*--out $dir\$" >/dev/null; do sleep 5; done
  fi
  [ -d "$dir" ] || python3 bench/gen_corpus.py --articles "$1" --format "$2" --out "$dir"
}

# What a header line says about the format: nothing for html (the header as it always was).
format_note() {
  if [ "$1" = html ]; then echo ""; else echo ", FORMAT=$1"; fi
}

# Exits if something already answers on one of the ports.
ports_free() {
  local port
  for port in "$@"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use; stop what listens there" >&2; exit 1; fi
  done
}

# The first article file (.txt or .md, in ls order) of folder $1, with its path.
first_article() {
  local name
  name=$(ls "$1" | grep -E '\.(txt|md)$' | head -1)
  [ -n "$name" ] || { echo "no article file in $1" >&2; exit 1; }
  echo "$1/$name"
}

# An article file's id: its name without folder and extension (the server's default id).
article_id() {
  local name
  name=$(basename "$1")
  echo "${name%.*}"
}

# Starts the server on corpus $1, logging to $2, and measures it. Sets APP_PID; startup_ms (JVM
# start to the first 200 for /rss.xml: it answers 503 while loading); heap_mb (used heap after a
# full GC, once the background warm-up is over: 2 s after /healthz is ready, longer if the warm-up
# thread is still running then); health (the /healthz answer).
start_and_measure() {
  local t0
  t0=$(date +%s%N)
  PORT=$APP_PORT FEED_CONTENT_DIR=$1 FEED_BASE_URL=http://127.0.0.1:$APP_PORT/ \
    feedserver_java > "$2" 2>&1 &
  APP_PID=$!; pids+=("$APP_PID")
  until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/rss.xml"; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the server stopped; the end of $2:" >&2; tail -20 "$2" >&2; exit 1; }
    sleep 0.02
  done
  startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  until health=$(curl -sf "http://127.0.0.1:$APP_PORT/healthz"); do sleep 0.1; done
  sleep 2 # let the background warm-up finish
  while jcmd "$APP_PID" Thread.print 2>/dev/null | grep -q '^"warm-up"'; do sleep 0.5; done
  jcmd "$APP_PID" GC.run >/dev/null
  heap_mb=$(jcmd "$APP_PID" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024); exit}}')
}

# Kills the server started last (kill -9: a SIGTERM'd server keeps answering for its 3 s drain, and
# the next start would be measured against it) and waits until it is gone.
stop_app() {
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}

# Edits the title of the first article of corpus $1's folder 01, prints the milliseconds until its
# permalink page shows the edit, and puts the file back. Run it as $(reload_latency DIR).
reload_latency() {
  local victim marker t0 deadline=$((SECONDS + 60))
  victim=$(first_article "$1/01") || exit 1
  cp "$victim" "$WORK/victim.bak"
  marker="reload-$(date +%s%N)"
  t0=$(date +%s%N)
  sed -i "0,/^title: '/s//title: '$marker /" "$victim"
  until curl -s "http://127.0.0.1:$APP_PORT/entry/$(article_id "$victim")" | grep -q "$marker"; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ "$SECONDS" -gt "$deadline" ]; then
      cp "$WORK/victim.bak" "$victim"
      echo "the edit of $victim did not show within 60 s (or the server stopped)" >&2; exit 1
    fi
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  cp "$WORK/victim.bak" "$victim"
}
