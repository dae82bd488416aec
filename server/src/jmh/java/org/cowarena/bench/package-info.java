/**
 * JMH benchmarks of the kernel's hot paths: fork of a big process, writes to private
 * pages, copy-on-write faults and zero fills (docs/kernel.md); and of the solver's search.
 *
 * <p>Built only by the {@code bench} Maven profile:
 * {@code ./mvnw -q -Pbench -pl server package -DskipTests}, then
 * {@code java -jar server/target/benchmarks.jar -f 1 -wi 3 -w 1s -i 5 -r 1s}.
 * Each benchmark checks once per trial, outside the measurement, that its measured
 * operation really is the fault it claims to measure.
 *
 * <p>Each benchmark JVM runs on a fixed, pre-touched 2 GiB heap ({@code -Xms2g -Xmx2g
 * -XX:+AlwaysPreTouch}): the fault paths allocate a few hundred bytes of events per
 * write, and with a growing heap the first touch of new heap memory made iterations
 * differ tenfold on the reference machine (a small VM).
 *
 * <p>How each benchmark restores its state matters to the garbage collector. A
 * {@code Kernel.copy()} of a half-million-frame kernel is a dozen humongous G1
 * arrays: fine once per 262,144-write batch, but once per fork it put 100 ms pauses
 * into the measured forks, so the fork benchmark exits the child and rewrites the
 * parent instead. An exit or exec that frees 262,144 frames returns 262,144
 * {@code free} events in one humongous list that keeps them alive through young
 * collections, so the batch benchmarks start from a fresh copy instead of freeing.
 */
package org.cowarena.bench;
