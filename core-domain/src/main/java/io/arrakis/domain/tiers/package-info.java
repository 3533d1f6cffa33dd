@NullMarked
package io.arrakis.domain.tiers;

import org.jspecify.annotations.NullMarked;
