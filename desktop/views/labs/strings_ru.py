"""Russian for the Lab trends tab and the health diary, merged into the catalogue with
`python resources/translations/fill.py resources/translations/medcard_ru.ts
desktop/views/labs/strings_ru.py` after `update.py` has collected the sources. Kept here,
next to the code, so the tab's wording is reviewed together with it; not imported at
runtime."""

RU: dict[str, object] = {
    # tab
    "Search analytes…": "Поиск показателя…",
    "1 year": "1 год",
    "5 years": "5 лет",
    "All": "Всё",
    "Save chart (PNG)…": "Сохранить график (PNG)…",
    "Save data (CSV)…": "Сохранить данные (CSV)…",
    "lab": "лаборатория",
    "out of range": "вне нормы",
    "self-measured": "самостоятельно",
    "not sent yet": "не отправлено",
    "Select one or several analytes on the left to see how they changed over time.":
        "Выберите слева один или несколько показателей, чтобы увидеть их динамику.",
    "Not on the chart — the unit cannot be converted:":
        "Не показано на графике — единицу измерения нельзя пересчитать:",
    "Save chart": "Сохранить график",
    "PNG images (*.png)": "Изображения PNG (*.png)",
    "The chart could not be saved.": "Не удалось сохранить график.",
    "Save data": "Сохранить данные",
    "CSV files (*.csv)": "Файлы CSV (*.csv)",
    "The data could not be saved: %1": "Не удалось сохранить данные: %1",
    # analyte tree
    "Analyte": "Показатель",
    "Latest": "Последнее",
    "Date": "Дата",
    "Blood chemistry": "Биохимия крови",
    "Blood count": "Общий анализ крови",
    "Urine": "Анализы мочи",
    "Hormones": "Гормоны",
    "Vital signs": "Показатели жизнедеятельности",
    "Health diary": "Дневник здоровья",
    "Out of the reference range": "Вне референсного интервала",
    # chart
    "converted from {units}": "пересчитано из {units}",
    "reported as {value} {unit}": "в бланке: {value} {unit}",
    "Self-measured": "Измерено самостоятельно",
    # diary panel
    "My health diary": "Мой дневник здоровья",
    "Add entry…": "Добавить запись…",
    "Edit…": "Изменить…",
    "Delete": "Удалить",
    "Import CSV…": "Импорт из CSV…",
    "Delete entry": "Удаление записи",
    "Delete this diary entry? This cannot be undone.":
        "Удалить эту запись дневника? Отменить удаление будет нельзя.",
    "Import readings": "Импорт измерений",
    "CSV files (*.csv *.txt);;All files (*)": "Файлы CSV (*.csv *.txt);;Все файлы (*)",
    "Saved to the portal.": "Сохранено на портале.",
    "Your changes are kept: choose “Edit…” on the entry again.":
        "Изменения не потеряны: выберите запись и нажмите «Изменить…» ещё раз.",
    "Your entry is kept: choose “Add entry…” to try again.":
        "Запись не потеряна: нажмите «Добавить запись…», чтобы попробовать снова.",
    "The portal cannot be reached: the entry is kept on this computer and will be sent "
    "when the portal is available.":
        "Портал недоступен: запись сохранена на этом компьютере и будет отправлена, "
        "когда портал станет доступен.",
    "Sent to the portal: %n entries.": ("Отправлена на портал %n запись.",
                                        "Отправлены на портал %n записи.",
                                        "Отправлено на портал %n записей."),
    "Imported: %n new reading(s).": ("Импортировано новых измерений: %n.",
                                     "Импортировано новых измерений: %n.",
                                     "Импортировано новых измерений: %n."),
    "%n were already in the diary.": ("%n уже было в дневнике.", "%n уже было в дневнике.",
                                      "%n уже было в дневнике."),
    "Send the entries that wait on this computer":
        "Отправить записи, ожидающие на этом компьютере",
    "Send now (%n waiting)": ("Отправить сейчас (%n ждёт)", "Отправить сейчас (%n ждут)",
                              "Отправить сейчас (%n ждут)"),
    "rising": "растёт",
    "falling": "снижается",
    "steady": "без изменений",
    "Date and time": "Дата и время",
    "Measurement": "Измерение",
    "Value": "Значение",
    "Note": "Заметка",
    "Status": "Статус",
    "Not sent yet": "Не отправлено",
    "Not accepted": "Не принято порталом",
    "Sent": "Отправлено",
    # entry dialog
    "Edit diary entry": "Изменение записи дневника",
    "New diary entry": "Новая запись дневника",
    "For example: after a walk, before breakfast": "Например: после прогулки, до завтрака",
    # import dialog
    "Import readings from %1": "Импорт измерений из %1",
    "Line": "Строка",
    "Lines that will not be imported:": "Строки, которые не будут импортированы:",
    "Import": "Импортировать",
    "The file cannot be read: %1": "Файл не удаётся прочитать: %1",
    "Line %1: %2": "Строка %1: %2",
    "%n reading(s) to import.": ("Будет импортировано %n измерение.",
                                 "Будет импортировано %n измерения.",
                                 "Будет импортировано %n измерений."),
    "%n line(s) with errors.": ("%n строка с ошибками.", "%n строки с ошибками.",
                                "%n строк с ошибками."),
    "Readings imported before are not added again.":
        "Измерения, импортированные ранее, повторно не добавляются.",
    # services (context "medcard"): diary
    "Systolic pressure": "Систолическое давление",
    "Diastolic pressure": "Диастолическое давление",
    "Pulse": "Пульс",
    "Blood glucose": "Глюкоза крови",
    "Weight": "Вес",
    "Body temperature": "Температура тела",
    "Oxygen saturation (SpO2)": "Сатурация (SpO2)",
    "Blood pressure": "Артериальное давление",
    "mmHg": "мм рт. ст.",
    "/min": "уд/мин",
    "mmol/L": "ммоль/л",
    "kg": "кг",
    "The measurement time has no time zone.": "У времени измерения не указан часовой пояс.",
    "The measurement time is in the future.": "Время измерения ещё не наступило.",
    "The measurement date is too far in the past.": "Дата измерения слишком давняя.",
    "Enter the value: {name}.": "Введите значение: {name}.",
    "{name}: not a number.": "{name}: это не число.",
    "{name} of {value} {unit} is not plausible: expected {low}–{high} {unit}.":
        "{name} {value} {unit} — неправдоподобное значение (ожидается {low}–{high} {unit})",
    "Diastolic pressure must be lower than systolic pressure.":
        "Диастолическое давление должно быть ниже систолического.",
    "The note is too long (at most 1000 characters).":
        "Заметка слишком длинная (не более 1000 символов).",
    "Only your own diary entries can be changed or deleted.":
        "Изменять и удалять можно только собственные записи дневника.",
    "The portal cannot be reached. Entries already sent can be changed or deleted only "
    "when the portal is available; new entries are kept and sent later.":
        "Портал недоступен. Отправленные записи можно изменить или удалить, только когда "
        "портал доступен; новые записи сохраняются и будут отправлены позже.",
    # services: CSV import
    "The file is too large (more than {size} MB).": "Файл слишком большой (более {size} МБ).",
    "The file is not a text CSV file (unknown encoding).":
        "Это не текстовый файл CSV (неизвестная кодировка).",
    "The file is empty.": "Файл пуст.",
    "The first line must name the columns: date, time and at least one measurement "
    "(systolic, diastolic, pulse, glucose, weight, temperature, spo2).":
        "В первой строке должны быть названия столбцов: date (дата), time (время) и хотя бы "
        "одно измерение (systolic, diastolic, pulse, glucose, weight, temperature, spo2).",
    "Only the first {rows} lines are imported.": "Импортируются только первые {rows} строк.",
    "The line cannot be read as CSV: {reason}": "Строку не удаётся прочитать как CSV: {reason}",
    "Date or time not understood: “{text}” (expected 2026-11-25 or 25.11.2026 and 08:30).":
        "Не удалось распознать дату или время: «{text}» (ожидается 2026-11-25 или 25.11.2026 "
        "и 08:30).",
    "“{text}” is not a number.": "«{text}» — не число.",
    "The line has no measurement.": "В строке нет ни одного измерения.",
}
