;; R7RS-small section 4.2.1: in cond-expand, "(library <library name>)"
;; is true "if <library name> is the name of a library" that the
;; implementation has: one of its own, or one that the search path finds.
;; Asking does not load it: only the import below prints its message.
(include "lib/check.scm")

(define (answer)
  (cond-expand ((library (lib ce-found)) 'found) (else 'not-found)))
(check 'on-the-search-path (answer) 'found)
(check 'missing
       (cond-expand ((library (lib ce-missing)) 'found) (else 'not-found))
       'not-found)
(check 'standard
       (cond-expand ((and (library (scheme base)) (library (scheme char))) 'yes) (else 'no))
       'yes)
(check 'srfi (cond-expand ((library (srfi 1)) 'yes) (else 'no)) 'yes)
(check 'not-missing (cond-expand ((not (library (lib ce-missing))) 'yes) (else 'no)) 'yes)
(check 'or (cond-expand ((or (library (lib ce-missing)) (library (lib ce-found))) 'yes) (else 'no))
       'yes)
(display "before the import")
(newline)
(import (lib ce-user))
(check 'in-library-declarations which '(found 42))
