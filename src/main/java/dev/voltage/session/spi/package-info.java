/**
 * The seam between the public API and the library's machinery. Applications do not use it.
 */
package dev.voltage.session.spi;
