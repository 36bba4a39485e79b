;; A library for 4.2.1-cond-expand-library.scm: it picks its import with
;; cond-expand among its declarations.
(define-library (lib ce-user)
  (export which)
  (import (scheme base))
  (cond-expand
   ((library (lib ce-missing))
    (begin (define which 'missing)))
   ((library (lib ce-found))
    (import (lib ce-found))
    (begin (define which (list 'found found-value))))
   (else
    (begin (define which 'neither)))))
