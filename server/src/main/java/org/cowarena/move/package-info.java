/** The move notation: what players type, what journals store, what {@code play} reads. */
package org.cowarena.move;
