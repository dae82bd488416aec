/** How a game is told: plain sentences for people and JSON lines for programs. */
package org.cowarena.report;
