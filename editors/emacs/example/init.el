;; ~/.emacs.d/init.el
(add-to-list 'load-path "/path/to/nianbao/editors/emacs")
(require 'nianbao)
(setq nianbao-executable "nianbao"      ; or an absolute path to the binary
      nianbao-settings '(:debounceMs 100 :rules (:year/stale "off")))
(add-hook 'text-mode-hook #'nianbao-eglot-ensure) ; markdown-mode derives from text-mode
