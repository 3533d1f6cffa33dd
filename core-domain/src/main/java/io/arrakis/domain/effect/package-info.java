@NullMarked
package io.arrakis.domain.effect;

import org.jspecify.annotations.NullMarked;
