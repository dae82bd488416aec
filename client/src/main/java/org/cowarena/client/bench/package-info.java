/** The load benchmark: many bot clients in many rooms against one server, on loopback. Not part of the tests. */
package org.cowarena.client.bench;
