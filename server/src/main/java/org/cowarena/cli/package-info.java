/** The server jar's command line (picocli): play, validate. */
package org.cowarena.cli;
