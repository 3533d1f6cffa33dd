@NullMarked
package io.arrakis.domain.community;

import org.jspecify.annotations.NullMarked;
