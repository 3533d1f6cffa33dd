@NullMarked
package io.arrakis.domain.naib;

import org.jspecify.annotations.NullMarked;
