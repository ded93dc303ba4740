package dev.junction.engine.runtime;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A router thread's run list for stride scheduling: a binary min-heap of tasks by pass. Only the owning thread
 * (or a controller while the thread is paused at a safe point) touches it. It grows when tasks are added, never
 * on the packet path.
 */
final class TaskHeap {
    private RouterTask[] tasks = new RouterTask[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The task with the smallest pass, or {@code null}. */
    RouterTask peek() {
        return size == 0 ? null : tasks[0];
    }

    void insert(RouterTask task) {
        if (size == tasks.length) {
            tasks = Arrays.copyOf(tasks, size * 2);
        }
        tasks[size] = task;
        task.heapIndex = size;
        size++;
        siftUp(task.heapIndex);
    }

    void remove(RouterTask task) {
        int index = task.heapIndex;
        if (index < 0) {
            return;
        }
        task.heapIndex = -1;
        size--;
        if (index == size) {
            tasks[size] = null;
            return;
        }
        RouterTask last = tasks[size];
        tasks[size] = null;
        tasks[index] = last;
        last.heapIndex = index;
        siftDown(index);
        siftUp(last.heapIndex);
    }

    /** Restores the order after the pass of the task at {@code index} grew. */
    void passIncreased(RouterTask task) {
        siftDown(task.heapIndex);
    }

    /** Removes every task {@code doomed} accepts. */
    void removeIf(Predicate<RouterTask> doomed) {
        for (int i = size - 1; i >= 0; i--) {
            if (i < size && doomed.test(tasks[i])) {
                remove(tasks[i]);
            }
        }
    }

    private void siftUp(int index) {
        RouterTask task = tasks[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            RouterTask above = tasks[parent];
            if (above.pass <= task.pass) {
                break;
            }
            tasks[index] = above;
            above.heapIndex = index;
            index = parent;
        }
        tasks[index] = task;
        task.heapIndex = index;
    }

    private void siftDown(int index) {
        RouterTask task = tasks[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && tasks[right].pass < tasks[child].pass) {
                child = right;
            }
            if (task.pass <= tasks[child].pass) {
                break;
            }
            tasks[index] = tasks[child];
            tasks[index].heapIndex = index;
            index = child;
        }
        tasks[index] = task;
        task.heapIndex = index;
    }
}
