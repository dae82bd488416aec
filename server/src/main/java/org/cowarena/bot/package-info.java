/** Bots: strategies that pick a legal move for a seat. The server fills seats with them; the client plays with them headless. */
package org.cowarena.bot;
