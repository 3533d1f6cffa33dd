@NullMarked
package io.arrakis.domain.sync;

import org.jspecify.annotations.NullMarked;
