;; exit takes at most one argument, and says so itself.
(exit 0 1) ; ERROR: ^error: exit: no clause accepts 2 arguments
