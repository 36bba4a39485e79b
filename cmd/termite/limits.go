package main

import (
	"fmt"
	"os"
	"strconv"

	"termite/eval"
)

// limits are the bounds a user may set in the environment, in MiB: what
// a process's stack and a source file may take (see eval.Options).
type limits struct {
	stack, source int // bytes for source, stack slots for stack
}

// limitsFromEnv reads TERMITE_MAX_STACK and TERMITE_MAX_SOURCE; unset
// means eval's defaults.
func limitsFromEnv() (limits, error) {
	var l limits
	for _, v := range []struct {
		name  string
		to    *int
		shift uint
	}{
		{"TERMITE_MAX_STACK", &l.stack, 16}, // 16-byte slots
		{"TERMITE_MAX_SOURCE", &l.source, 20},
	} {
		s, ok := os.LookupEnv(v.name)
		if !ok {
			continue
		}
		mib, err := strconv.Atoi(s)
		if err != nil || mib <= 0 || mib > 1<<30 {
			return l, fmt.Errorf("%s=%s: want a positive number of MiB", v.name, s)
		}
		*v.to = mib << v.shift
	}
	if l.source == 0 {
		l.source = eval.DefaultMaxSource
	}
	return l, nil
}
