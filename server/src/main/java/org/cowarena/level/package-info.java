/**
 * Levels: the YAML format (version 1), its loader with file:line:column problems, and
 * the start of play. Scalars are read as written, never as YAML 1.1 types.
 */
package org.cowarena.level;
