;; An unbound variable alone on its line names that line, and suggests no
;; one-letter names that merely have the same length.
(define y 1)
x ; ERROR: unbound variable x
