/**
 * The board as players see it: a view model built from a game ({@link org.cowarena.board.BoardView},
 * {@link org.cowarena.board.BoardViews}) and a pure renderer that draws it on any Lanterna
 * {@code TextGraphics} ({@link org.cowarena.board.BoardRenderer}). Nothing here reads input,
 * owns a terminal or keeps state between draws, so a known state can be drawn on a virtual
 * terminal and checked cell by cell.
 */
package org.cowarena.board;
