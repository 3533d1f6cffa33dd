@NullMarked
package io.arrakis.domain.common;

import org.jspecify.annotations.NullMarked;
