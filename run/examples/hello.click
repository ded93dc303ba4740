// Junction's first example: a million packets from a source, through a counter, into a sink.
src :: InfiniteSource(LIMIT 1000000) -> c :: Counter -> d :: Discard;
