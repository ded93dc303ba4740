// Junction's first example: a source, a counter, a sink.
InfiniteSource(LIMIT 1000000, STOP true) -> c :: Counter -> Discard;
