# Sourced by run.sh and profile.sh: the benchmark's WildFly, one application per implementation,
# so each session manager holds only its own sessions (the login runs leave hundreds of thousands
# behind): bench-raw.war has the endpoints without the library, bench-lib, bench-session and
# bench-slice are bench.war (endpoints and library) under three names; bench-jdbc is bench.war with
# the user index in WildFly's default data source (voltage.session.users.store=jdbc, H2), and
# bench-soak with a 60-second session timeout (bench/soak.sh).
WILDFLY=war/target/wildfly  # unpacked by war/pom.xml, at the version parent/pom.xml names

# start_wildfly PIDFILE LOGFILE [COMMAND PREFIX...]: starts it in the background and waits until
# every application answers
start_wildfly() {
  local pidfile=$1 log=$2
  shift 2
  # the server of a script that just ended may still be letting go of its ports
  for _ in $(seq 1 60); do
    curl -s -o /dev/null http://127.0.0.1:8080/ || curl -s -o /dev/null http://127.0.0.1:9990/ || break
    sleep 1
  done
  rm -f "$WILDFLY"/standalone/deployments/bench*
  cp war/target/bench-raw.war "$WILDFLY/standalone/deployments/"
  for app in lib session slice; do cp war/target/bench.war "$WILDFLY/standalone/deployments/bench-$app.war"; done
  configured_war "$WILDFLY/standalone/deployments/bench-jdbc.war" voltage.session.users.store=jdbc
  configured_war "$WILDFLY/standalone/deployments/bench-soak.war" voltage.session.timeout=60
  # a large heap: the login runs leave some million sessions behind
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pidfile" \
    JAVA_OPTS="-Xms6g -Xmx6g -XX:+UseG1GC -Djava.net.preferIPv4Stack=true" \
    "$@" "$WILDFLY/bin/standalone.sh" -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
    > "$log" 2>&1 &
  for app in raw lib session slice jdbc soak; do
    for _ in $(seq 1 120); do
      curl -sf "http://127.0.0.1:8080/bench-$app/api/meter/sessions" >/dev/null && break
      sleep 1
    done
    curl -sf "http://127.0.0.1:8080/bench-$app/api/meter/sessions" >/dev/null \
      || { echo "WildFly did not serve bench-$app: see $log" >&2; return 1; }
  done
}

# configured_war TARGET PROPERTY=VALUE: bench.war with one more property in its MicroProfile Config
configured_war() {
  local config=war/target/configured
  rm -rf "$config"
  mkdir -p "$config/WEB-INF/classes/META-INF"
  { cat war/src/main/resources/META-INF/microprofile-config.properties; echo "$2"; } \
    > "$config/WEB-INF/classes/META-INF/microprofile-config.properties"
  cp war/target/bench.war "$1"
  (cd "$config" && jar uf "$OLDPWD/$1" WEB-INF/classes/META-INF/microprofile-config.properties)
}
