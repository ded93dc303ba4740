/**
 * Scheduling as elements see it: tasks run by router threads, timers, notifiers that let idle tasks sleep,
 * and a clock the engine may simulate.
 */
@Export
@Version("1.1.0")
package dev.junction.sched;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
