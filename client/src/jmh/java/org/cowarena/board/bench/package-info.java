/** JMH benchmarks of the board: building the view of a 1,024-frame game and drawing it at 160x48. */
package org.cowarena.board.bench;
