/** The server jar's command line (picocli): play, validate, solve. */
package org.cowarena.cli;
