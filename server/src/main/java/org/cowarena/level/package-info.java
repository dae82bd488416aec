/**
 * Levels: the YAML format (version 1), its loader with file:line:column problems, and
 * the start of play. Scalars are read as written, never as YAML 1.1 types. The campaign's
 * order is {@code levels/chapters.yaml} ({@link org.cowarena.level.Chapters}), read with the
 * same safe loader; {@code levels/index.txt} lists every bundled level, and a test keeps the
 * two in agreement (every campaign level in exactly one chapter).
 */
package org.cowarena.level;
