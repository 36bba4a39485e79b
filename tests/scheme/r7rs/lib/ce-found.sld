;; A library for 4.2.1-cond-expand-library.scm: loading it says so.
(define-library (lib ce-found)
  (export found-value)
  (import (scheme base) (scheme write))
  (begin
    (display "loading (lib ce-found)")
    (newline)
    (define found-value 42)))
