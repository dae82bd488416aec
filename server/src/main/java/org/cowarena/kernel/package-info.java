/**
 * The simulated kernel: physical frames with reference counts, page tables, and the
 * system calls players make, with Linux's copy-on-write semantics. Pure Java: no
 * I/O, clocks, threads or mutable statics, so the same moves always give the same
 * events and state.
 */
package org.cowarena.kernel;
