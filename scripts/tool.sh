# Sourced by the Click-compatible tools in run/bin: runs a Java main class of the engine on a plain
# class path (no framework), with flags that make a short-lived JVM start cheaply. Click's own tests
# run these tools under "ulimit -t 1".
. "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

junction_tool() {
    local main=$1
    shift
    local tools=$junction_root/run/target/tools
    # Each jar against its own module: Maven rewrites a jar only when its module changed.
    if junction_stale "$tools/element-api.jar" "$junction_root/bundles/element-api" \
        || junction_stale "$tools/engine.jar" "$junction_root/bundles/engine" \
        || junction_stale "$tools/standard.jar" "$junction_root/bundles/standard" \
        || junction_stale "$tools/linux-io.jar" "$junction_root/bundles/linux-io" \
        || junction_stale "$tools/tools.jar" "$junction_root/tools"; then
        junction_build "the Click tools" -q -DskipTests -pl run -am package
        touch "$tools"/*.jar   # Maven leaves a jar whose content did not change with its old date
    fi
    exec "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto --enable-native-access=ALL-UNNAMED \
        -cp "$tools/tools.jar:$tools/engine.jar:$tools/element-api.jar:$tools/standard.jar:$tools/linux-io.jar:$tools/agrona.jar:$tools/picocli.jar" \
        "$main" "$@"
}
