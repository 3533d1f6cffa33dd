@NullMarked
package io.arrakis.domain.water;

import org.jspecify.annotations.NullMarked;
