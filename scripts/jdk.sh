# Sourced by ./test, ./junction, bench/run (and so .ci/run): the build environment.
# Puts a JDK 25+ on PATH as JAVA_HOME: $JAVA_HOME if it is 25 or newer, then /usr/lib/jvm/*
# (Temurin 25 first), then the java on PATH. Checks for Maven. Exits the calling script with
# one line on stderr if either is missing.

junction_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The feature version (8, 17, 25, ...) of the JDK in home $1; empty if it is not a working JDK.
junction_java_feature() {
    local line version
    [[ -x $1/bin/java && -x $1/bin/javac ]] || return 0
    # A JDK's release file names its version: reading it is free, starting a JVM is not (the Click
    # tools run under "ulimit -t 1" in Click's own tests).
    line=$(grep -s '^JAVA_VERSION=' "$1/release") || line=$("$1/bin/java" -version 2>&1 | head -n 1) || return 0
    [[ $line =~ (VERSION=|version\ )\"([0-9]+)(\.([0-9]+))? ]] || return 0
    version=${BASH_REMATCH[2]}
    [[ $version == 1 ]] && version=${BASH_REMATCH[4]}   # "1.8.0" is Java 8
    echo "$version"
}

junction_find_jdk() {
    local candidate feature
    local -a candidates=()
    [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
    candidates+=(/usr/lib/jvm/*temurin-25*/ /usr/lib/jvm/*/)
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for candidate in "${candidates[@]}"; do
        candidate=${candidate%/}
        feature=$(junction_java_feature "$candidate")
        if [[ -n $feature ]] && (( feature >= 25 )); then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! JAVA_HOME=$(junction_find_jdk); then
    echo "junction: JDK 25 or newer is required: install one (for example Eclipse Temurin 25) and set JAVA_HOME to it" >&2
    exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
    echo "junction: Apache Maven 3.8 or newer is required (e.g. apt-get install maven)" >&2
    exit 1
fi
# Maven itself now runs on JDK 25: keep its Guava from warning about sun.misc.Unsafe.
case " ${MAVEN_OPTS:-} " in
    *" --sun-misc-unsafe-memory-access="*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
esac

# True if file $1 is missing or older than any file under the paths that follow it. Build output
# (target/, bin/, generated/), tests (src/test) and example configs do not count.
junction_stale() {
    local target=$1
    shift
    [[ -f $target ]] || return 0
    [[ -n $(find "$@" \( -name target -o -name bin -o -name generated -o -name examples -o -path '*/src/test' \) \
        -type d -prune -o -type f -newer "$target" -print -quit 2>/dev/null) ]]
}

# Builds with Maven (arguments: a description, then Maven's arguments) in the repository root.
# The output goes to a log that is shown, errors first, only if the build fails.
junction_build() {
    local what=$1 log
    shift
    log=$(mktemp "${TMPDIR:-/tmp}/junction-build.XXXXXX")
    echo "junction: building $what ..." >&2
    if ! (cd "$junction_root" && mvn -B "$@") >"$log" 2>&1; then
        grep -E '^\[ERROR\]' "$log" >&2 || tail -n 40 "$log" >&2
        echo "junction: the build failed; full log: $log" >&2
        exit 1
    fi
    rm -f "$log"
}
