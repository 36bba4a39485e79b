;; A file that includes itself is an error at the include, not a loop
;; that reads it until memory runs out.
(display "before")
(newline)
(include "include-self.scm") ; ERROR: include: include-self\.scm includes itself
