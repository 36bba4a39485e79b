package runtime

// Walk calls visit on v and on every value reachable from it through pairs
// and vectors, each pair and vector once, so that circular data ends; it
// uses a work list, not the Go stack. Walk stops when visit returns false.
func Walk(v Value, visit func(Value) bool) {
	seen := map[Value]bool{}
	work := []Value{v}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		switch x := x.(type) {
		case *Pair:
			if seen[x] {
				continue
			}
			seen[x] = true
			work = append(work, x.Cdr, x.Car)
		case *Vector:
			if seen[x] {
				continue
			}
			seen[x] = true
			for i := len(x.Items) - 1; i >= 0; i-- {
				work = append(work, x.Items[i])
			}
		}
		if !visit(x) {
			return
		}
	}
}
