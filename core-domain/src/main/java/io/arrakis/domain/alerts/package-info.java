@NullMarked
package io.arrakis.domain.alerts;

import org.jspecify.annotations.NullMarked;
