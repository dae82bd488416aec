/**
 * The simulated kernel: physical frames with reference counts, page tables, and the
 * system calls players make, with Linux's copy-on-write semantics, its page cache and
 * reclaim (least recently used clean pages first, before the OOM killer), major faults,
 * mlock, MAP_SHARED memory, and commit accounting under the three overcommit modes.
 * Pure Java: no I/O, clocks, threads or mutable statics, so the same moves always give
 * the same events and state. The rules, each with the Linux code it models, are written
 * out in {@code docs/kernel.md} at the root of the repository.
 */
package org.cowarena.kernel;
