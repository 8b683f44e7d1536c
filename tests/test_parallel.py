"""Parallel parsing keeps input order and reads its input only a little ahead."""

from quotes.parallel import CHUNKS_IN_FLIGHT_PER_WORKER, ordered_map


def square(x):
    return x * x


def test_results_in_input_order_on_several_workers():
    assert list(ordered_map(square, range(200), workers=2, chunksize=3)) == [x * x for x in range(200)]


def test_one_worker_runs_in_process():
    assert list(ordered_map(square, [3, 1, 2], workers=1)) == [9, 1, 4]


def test_input_is_not_read_far_ahead():
    consumed = []

    def source():
        for i in range(10_000):
            consumed.append(i)
            yield i

    results = ordered_map(square, source(), workers=2, chunksize=5)
    assert next(results) == 0
    assert len(consumed) <= 2 * CHUNKS_IN_FLIGHT_PER_WORKER * 5 + 5
    results.close()
