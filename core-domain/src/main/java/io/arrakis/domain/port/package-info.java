@NullMarked
package io.arrakis.domain.port;

import org.jspecify.annotations.NullMarked;
