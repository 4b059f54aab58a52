"""Russian for the views outside the feature tabs (start-up dialogs), merged into the
catalogue with `python resources/translations/fill.py resources/translations/medcard_ru.ts
desktop/views/strings_ru.py` after `update.py` has collected the sources. Not imported at
runtime."""

RU: dict[str, object] = {
    # secrets_dialogs.py: no working keyring
    "Your sign-in would then be kept in a file in your Medcard folder, encrypted with a "
    "master password that Medcard asks for at every start. If you forget it, you can start "
    "over: sign in again and the card is downloaded anew.": "Тогда данные входа будут храниться в файле в папке Медкарты, зашифрованном мастер-"
    "паролем, который Медкарта спрашивает при каждом запуске. Если вы его забудете, "
    "можно начать заново: войти ещё раз, и медкарта загрузится снова.",
    "Forgot the master password?": "Забыли мастер-пароль?",
    "Medcard can start over: the sign-ins and the cards kept on this computer are removed "
    "(your cards stay on the portal), you choose a new master password and sign in again.": "Медкарта может начать заново: сохранённые входы и медкарты на этом компьютере будут "
    "удалены (на портале медкарты останутся), вы зададите новый мастер-пароль и войдёте "
    "снова.",
    "Start over": "Начать заново",
    "Use an encrypted file": "Использовать зашифрованный файл",
    "Quit": "Выйти",
    "Choose a master password (at least 8 characters):": "Придумайте мастер-пароль (не короче 8 символов):",
    "Too short. Choose a master password of at least 8 characters:": "Слишком короткий. Придумайте мастер-пароль не короче 8 символов:",
    "Type the master password again:": "Введите мастер-пароль ещё раз:",
    "The two passwords differ. Choose a master password:": "Пароли не совпадают. Придумайте мастер-пароль:",
}
