// Package eval owns the expander (core forms, syntax-rules, define-macro),
// the compiler from expanded code to code objects, and the machine that
// runs code objects with continuations held as heap data.
package eval
