/** The {@code midl} command line (picocli): train, demo, experiment, bench. */
package io.github.midljava.cli;
