package eval

import (
	"errors"
	"fmt"

	"termite/reader"

	rt "termite/runtime"
)

// builtins are the primitives that know the machine's types: records,
// promises, parameters, case-lambda, continuations and the compiler.
func builtins(in *Interp) []*rt.Primitive {
	return []*rt.Primitive{
		// (%compile-toplevel FORMS SOURCE) compiles the first of FORMS, a
		// list whose pairs may have the positions of the forms they hold.
		{Name: "%compile-toplevel", Min: 2, Max: 2, Fn: func(a []rt.Value) (rt.Value, error) {
			forms, ok := a[0].(*rt.Pair)
			if !ok {
				return nil, rt.TypeError("%compile-toplevel", "pair", a[0])
			}
			src, _ := a[1].(*source)
			var at rt.Pos
			if src != nil {
				at = src.pos[forms]
			}
			thunk, errObj := in.compileTopAt(forms.Car, src, at)
			if errObj != nil {
				return nil, &rt.Raise{Obj: errObj}
			}
			return thunk, nil
		}},
		{Name: "procedure?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(rt.Procedure)
			return rt.MakeBool(ok), nil
		}},
		{Name: "%continuation-winders", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			k, ok := a[0].(*Continuation)
			if !ok {
				return nil, rt.TypeError("%continuation-winders", "continuation", a[0])
			}
			return k.dyn.winders, nil
		}},
		primCaseLambda,
		{Name: "features", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			l := make([]rt.Value, len(Features))
			for i, f := range Features {
				l[i] = rt.Intern(f)
			}
			return rt.List(l...), nil
		}},
		{Name: "%make-parameter", Min: 2, Max: 2, Fn: func(a []rt.Value) (rt.Value, error) {
			p := &Parameter{Value: a[0]}
			if rt.IsTrue(a[1]) {
				p.Converter = a[1]
			}
			return p, nil
		}},
		{Name: "%parameter-converter", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			p, ok := a[0].(*Parameter)
			if !ok {
				return nil, rt.TypeError("parameterize", "parameter", a[0])
			}
			if p.Converter == nil {
				return rt.False, nil
			}
			return p.Converter, nil
		}},
		{Name: "interaction-environment", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			return in.program, nil
		}},
		{Name: "environment", Min: 0, Max: rt.Variadic, Fn: func(a []rt.Value) (rt.Value, error) {
			env := newEnvironment("environment", nil, 0)
			env.immutable = true
			for _, set := range a {
				names, err := in.importSet(set, "")
				if err != nil {
					return nil, rt.NewError("environment: "+err.Error(), set)
				}
				bindImports(env, names)
			}
			return env, nil
		}},
		// (%load-source FILE ENV) reads FILE whole for load: (FORMS . SOURCE).
		{Name: "%load-source", Min: 2, Max: 2, Fn: func(a []rt.Value) (rt.Value, error) {
			name, ok := a[0].(*rt.String)
			if !ok {
				return nil, rt.TypeError("load", "string", a[0])
			}
			env, ok := a[1].(*Environment)
			if !ok {
				return nil, rt.TypeError("load", "environment", a[1])
			}
			text, err := in.readSourceFile(name.String())
			if big := (*SourceTooBig)(nil); errors.As(err, &big) {
				return nil, rt.NewError("load: "+big.Error(), a[0])
			}
			if err != nil {
				e := rt.NewError("load: cannot read file", a[0])
				e.Kind = rt.FileError
				return nil, e
			}
			forms, pos, err := reader.ReadForms(text, name.String())
			if err != nil {
				e := rt.NewError("load: "+err.Error(), a[0])
				e.Kind = rt.ReadError
				return nil, e
			}
			return rt.Cons(forms, &source{file: name.String(), pos: pos, env: env}), nil
		}},
		{Name: "scheme-report-environment", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			return in.system, nil
		}},
		{Name: "null-environment", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			return in.system, nil
		}},
		{Name: "%make-record-type", Min: 3, Max: 3, Fn: makeRecordType},
		{Name: "%record-constructor", Min: 3, Max: 3, Fn: func(a []rt.Value) (rt.Value, error) {
			t, err := recordTypeArg("define-record-type", a[0])
			if err != nil {
				return nil, err
			}
			names, _ := rt.ListToSlice(a[1])
			slots := make([]int, len(names))
			for i, n := range names {
				if slots[i] = fieldIndex(t, n); slots[i] < 0 {
					return nil, rt.NewError("define-record-type: constructor names an unknown field", n)
				}
			}
			return &recordProc{kind: recordConstructor, rtype: t, name: symName(a[2]), slots: slots}, nil
		}},
		{Name: "%record-predicate", Min: 2, Max: 2, Fn: func(a []rt.Value) (rt.Value, error) {
			t, err := recordTypeArg("define-record-type", a[0])
			if err != nil {
				return nil, err
			}
			return &recordProc{kind: recordPredicate, rtype: t, name: symName(a[1])}, nil
		}},
		{Name: "%record-accessor", Min: 3, Max: 3, Fn: func(a []rt.Value) (rt.Value, error) {
			return fieldProc(recordAccessor, a)
		}},
		{Name: "%record-modifier", Min: 3, Max: 3, Fn: func(a []rt.Value) (rt.Value, error) {
			return fieldProc(recordModifier, a)
		}},
		{Name: "record?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(*rt.Record)
			return rt.MakeBool(ok), nil
		}},
		primMakeLazyPromise,
		{Name: "make-promise", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			if p, ok := a[0].(*rt.Promise); ok {
				return p, nil
			}
			return &rt.Promise{State: &rt.PromiseState{Done: true, Value: a[0]}}, nil
		}},
		{Name: "promise?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(*rt.Promise)
			return rt.MakeBool(ok), nil
		}},
		{Name: "%promise-done?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			p, err := promiseArg(a[0])
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(p.State.Done), nil
		}},
		{Name: "%promise-value", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			p, err := promiseArg(a[0])
			if err != nil {
				return nil, err
			}
			return p.State.Value, nil
		}},
		// (%promise-update! new old): old takes new's state and new shares it.
		{Name: "%promise-update!", Min: 2, Max: 2, Fn: func(a []rt.Value) (rt.Value, error) {
			nw, err := promiseArg(a[0])
			if err != nil {
				return nil, err
			}
			old, err := promiseArg(a[1])
			if err != nil {
				return nil, err
			}
			old.State.Done = nw.State.Done
			old.State.Value = nw.State.Value
			nw.State = old.State
			return rt.Unspecified, nil
		}},
	}
}

// primCaseLambda builds the procedure of a case-lambda from its name and
// the closures of its clauses.
var primCaseLambda = &rt.Primitive{Name: "%case-lambda", Min: 1, Max: rt.Variadic,
	Fn: func(a []rt.Value) (rt.Value, error) {
		cl := &CaseLambda{Name: rt.DisplayString(a[0])}
		for _, c := range a[1:] {
			clo, ok := c.(*Closure)
			if !ok {
				return nil, rt.TypeError("case-lambda", "closure", c)
			}
			cl.Clauses = append(cl.Clauses, clo)
		}
		return cl, nil
	}}

// primMakeLazyPromise is what delay-force expands into.
var primMakeLazyPromise = &rt.Primitive{Name: "%make-lazy-promise", Min: 1, Max: 1,
	Fn: func(a []rt.Value) (rt.Value, error) {
		return &rt.Promise{State: &rt.PromiseState{Value: a[0]}}, nil
	}}

func promiseArg(v rt.Value) (*rt.Promise, error) {
	p, ok := v.(*rt.Promise)
	if !ok {
		return nil, rt.TypeError("force", "promise", v)
	}
	return p, nil
}

func symName(v rt.Value) string {
	if s, ok := v.(*rt.Symbol); ok {
		return s.Name
	}
	return ""
}

func makeRecordType(a []rt.Value) (rt.Value, error) {
	name := symName(a[0])
	fields, ok := rt.ListToSlice(a[1])
	if !ok {
		return nil, rt.TypeError("define-record-type", "list of fields", a[1])
	}
	t := &rt.RecordType{Name: name, UID: rt.DisplayString(a[2])}
	for _, f := range fields {
		s, ok := f.(*rt.Symbol)
		if !ok {
			return nil, rt.TypeError("define-record-type", "field name", f)
		}
		if fieldIndex(t, s) >= 0 {
			return nil, rt.NewError("define-record-type: duplicate field", s)
		}
		t.Fields = append(t.Fields, s)
	}
	return t, nil
}

func recordTypeArg(who string, v rt.Value) (*rt.RecordType, error) {
	t, ok := v.(*rt.RecordType)
	if !ok {
		return nil, rt.TypeError(who, "record type", v)
	}
	return t, nil
}

func fieldIndex(t *rt.RecordType, name rt.Value) int {
	for i, f := range t.Fields {
		if f == name {
			return i
		}
	}
	return -1
}

func fieldProc(kind recordProcKind, a []rt.Value) (rt.Value, error) {
	t, err := recordTypeArg("define-record-type", a[0])
	if err != nil {
		return nil, err
	}
	i := fieldIndex(t, a[1])
	if i < 0 {
		return nil, rt.NewError("define-record-type: unknown field", a[1])
	}
	return &recordProc{kind: kind, rtype: t, name: symName(a[2]), field: i}, nil
}

// call runs a record procedure on its arguments.
func (r *recordProc) call(args []rt.Value) (rt.Value, error) {
	switch r.kind {
	case recordConstructor:
		if len(args) != len(r.slots) {
			return nil, arityError(r.name, len(r.slots), len(r.slots), len(args))
		}
		rec := &rt.Record{Type: r.rtype, Fields: make([]rt.Value, len(r.rtype.Fields))}
		for i := range rec.Fields {
			rec.Fields[i] = rt.False
		}
		for i, s := range r.slots {
			rec.Fields[s] = args[i]
		}
		return rec, nil
	case recordPredicate:
		if len(args) != 1 {
			return nil, arityError(r.name, 1, 1, len(args))
		}
		rec, ok := args[0].(*rt.Record)
		return rt.MakeBool(ok && rec.Type == r.rtype), nil
	case recordAccessor, recordModifier:
		want := 1
		if r.kind == recordModifier {
			want = 2
		}
		if len(args) != want {
			return nil, arityError(r.name, want, want, len(args))
		}
		rec, ok := args[0].(*rt.Record)
		if !ok || rec.Type != r.rtype {
			return nil, rt.TypeError(r.name, fmt.Sprintf("record of type %s", r.rtype.Name), args[0])
		}
		if r.kind == recordAccessor {
			return rec.Fields[r.field], nil
		}
		rec.Fields[r.field] = args[1]
		return rt.Unspecified, nil
	}
	panic("recordProc: bad kind")
}
