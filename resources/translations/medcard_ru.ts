<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountSession</name>
    <message numerus="yes">
        <source>%n record(s) could not be read and were skipped.</source>
        <translation>
            <numerusform>Не удалось прочитать %n запись, она пропущена.</numerusform>
            <numerusform>Не удалось прочитать %n записи, они пропущены.</numerusform>
            <numerusform>Не удалось прочитать %n записей, они пропущены.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ages</name>
    <message numerus="yes">
        <source>%n y.</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Finish signing in in your browser…</source>
        <translation>Завершите вход в браузере…</translation>
    </message>
    <message>
        <source>Starting the demo portal…</source>
        <translation>Запускаем демо-портал…</translation>
    </message>
</context>
<context>
    <name>ApplicationList</name>
    <message>
        <source>Applications to change the clinic</source>
        <translation>Заявления о смене поликлиники</translation>
    </message>
    <message>
        <source>No applications.</source>
        <translation>Заявлений нет.</translation>
    </message>
</context>
<context>
    <name>ApplicationRow</name>
    <message>
        <source>By choice again from %1.</source>
        <translation>По выбору — снова с %1.</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>На рассмотрении</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>подано %1</translation>
    </message>
    <message>
        <source>decided %1</source>
        <translation>решение %1</translation>
    </message>
    <message>
        <source>new address: %1</source>
        <translation>новый адрес: %1</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Отозвать</translation>
    </message>
</context>
<context>
    <name>AppointmentDetails</name>
    <message>
        <source>Join video call</source>
        <translation>Подключиться к видеосвязи</translation>
    </message>
    <message>
        <source>Print ticket…</source>
        <translation>Печать талона…</translation>
    </message>
    <message>
        <source>Save ticket as PDF…</source>
        <translation>Сохранить талон в PDF…</translation>
    </message>
    <message>
        <source>Add to calendar (.ics)…</source>
        <translation>Добавить в календарь (.ics)…</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>Отменить запись…</translation>
    </message>
    <message>
        <source>Select an appointment to see its details.</source>
        <translation>Выберите запись, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Симптомы</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Available from 10 minutes before the start</source>
        <translation>Доступно за 10 минут до начала</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Book an appointment…</source>
        <translation>Записаться к врачу…</translation>
    </message>
    <message>
        <source>Call a doctor home…</source>
        <translation>Вызвать врача на дом…</translation>
    </message>
    <message>
        <source>Export upcoming (.ics)…</source>
        <translation>Экспорт предстоящих (.ics)…</translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation>Предстоящие (%1)</translation>
    </message>
    <message>
        <source>Past (%1)</source>
        <translation>Прошедшие (%1)</translation>
    </message>
    <message>
        <source>No appointments this day</source>
        <translation>В этот день записей нет</translation>
    </message>
    <message>
        <source>Sign in to book appointments.</source>
        <translation>Войдите, чтобы записываться к врачу.</translation>
    </message>
    <message>
        <source>Offline: booking, cancelling and requests need the portal.</source>
        <translation>Нет связи с порталом: запись, отмена и заявки недоступны.</translation>
    </message>
    <message>
        <source>This portal does not offer booking: its clinics take appointments elsewhere.</source>
        <translation>Этот портал не предлагает запись к врачу: его поликлиники записывают другим способом.</translation>
    </message>
    <message>
        <source>Your request for a doctor at home has been sent.</source>
        <translation>Заявка на вызов врача на дом отправлена.</translation>
    </message>
    <message>
        <source>Booked: %1, %2. Ticket %3.</source>
        <translation>Вы записаны: %1, %2. Талон %3.</translation>
    </message>
    <message>
        <source>The appointment has been cancelled.</source>
        <translation>Запись отменена.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>All doctors</source>
        <translation>Все врачи</translation>
    </message>
    <message>
        <source>Reading today&apos;s schedule…</source>
        <translation>Читаю расписание на сегодня…</translation>
    </message>
    <message>
        <source>D&amp;octor</source>
        <translation>&amp;Врач</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book an appointment — %1</source>
        <translation>Запись к врачу — %1</translation>
    </message>
    <message>
        <source>Visit to the clinic</source>
        <translation>Приём в поликлинике</translation>
    </message>
    <message>
        <source>Video consultation</source>
        <translation>Видеоконсультация</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Записаться</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>The portal offers no appointments of this type right now.</source>
        <translation>Сейчас портал не предлагает записи такого вида.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Loading specialties…</source>
        <translation>Загружаем специальности…</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>Любой врач</translation>
    </message>
    <message>
        <source>%1 (my clinic)</source>
        <translation>%1 (моя поликлиника)</translation>
    </message>
    <message>
        <source>Looking for free time…</source>
        <translation>Ищем свободное время…</translation>
    </message>
    <message>
        <source>No free time in the next four weeks. Try another doctor.</source>
        <translation>На ближайшие четыре недели свободного времени нет. Попробуйте другого врача.</translation>
    </message>
    <message>
        <source>No free time this day</source>
        <translation>В этот день свободного времени нет</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Записываем…</translation>
    </message>
</context>
<context>
    <name>CardTab</name>
    <message>
        <source>Request a paper copy of the chosen records…</source>
        <translation>Заказать бумажную копию выбранных записей…</translation>
    </message>
</context>
<context>
    <name>ChangeClinicDialog</name>
    <message>
        <source>Looking for clinics…</source>
        <translation>Ищем поликлиники…</translation>
    </message>
    <message>
        <source>This is the clinic the person is attached to now.</source>
        <translation>К этой поликлинике человек прикреплён сейчас.</translation>
    </message>
    <message>
        <source>Not taking new patients at the moment.</source>
        <translation>Сейчас не принимает новых пациентов.</translation>
    </message>
    <message>
        <source>No clinic matches. Try part of the name or the street.</source>
        <translation>Ничего не найдено. Попробуйте часть названия или улицу.</translation>
    </message>
    <message>
        <source>By choice: possible again from %1.</source>
        <translation>По выбору — снова можно с %1.</translation>
    </message>
    <message>
        <source>At most once a year.</source>
        <translation>Не чаще раза в год.</translation>
    </message>
    <message>
        <source>The new clinic&apos;s registry will ask to see:</source>
        <translation>В регистратуре новой поликлиники попросят показать:</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправляем…</translation>
    </message>
    <message>
        <source>Send application</source>
        <translation>Подать заявление</translation>
    </message>
    <message>
        <source>Change of clinic</source>
        <translation>Смена поликлиники</translation>
    </message>
    <message>
        <source>Choose the new clinic and the reason. The portal checks the rules at once; then the new clinic accepts or refuses, usually within a few days.</source>
        <translation>Выберите новую поликлинику и причину. Портал сразу проверит правила, затем новая поликлиника примет или отклонит заявление — обычно за несколько дней.</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>New clinic</source>
        <translation>Новая поликлиника</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Name, district or street</source>
        <translation>Название, район или улица</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>By choice</source>
        <translation>По выбору</translation>
    </message>
    <message>
        <source>Change of residence (at any time)</source>
        <translation>Смена места жительства (в любое время)</translation>
    </message>
    <message>
        <source>New address: street, house, flat</source>
        <translation>Новый адрес: улица, дом, квартира</translation>
    </message>
</context>
<context>
    <name>ClinicCard</name>
    <message>
        <source>Reading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The portal names no clinic this person is attached to.</source>
        <translation>Портал не указывает, к какой поликлинике прикреплён этот человек.</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>с %1</translation>
    </message>
    <message>
        <source>asked of the portal…</source>
        <translation>запрошено у портала…</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Прикреплён к поликлинике</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Registry phone</source>
        <translation>Телефон регистратуры</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Часы работы</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Регистратура</translation>
    </message>
    <message>
        <source>District doctor</source>
        <translation>Участковый врач</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Участок</translation>
    </message>
</context>
<context>
    <name>ClinicModel</name>
    <message>
        <source>%1 has no valid OMS policy since %2: visits under OMS cannot be booked. Apply for a policy, with a passport, at an МФЦ or the insurance company: %3.</source>
        <translation>У %1 нет действующего полиса ОМС с %2: записаться на приём по ОМС нельзя. Оформите полис, с паспортом, в МФЦ или страховой компании: %3.</translation>
    </message>
    <message>
        <source>The temporary OMS certificate of %1 ends today. Collect the policy at the insurance company: %3.</source>
        <translation>Временное свидетельство ОМС (%1) действует последний день. Получите полис в страховой компании: %3.</translation>
    </message>
    <message>
        <source>The OMS policy of %1 ends today. Renew it at an МФЦ or the insurance company: %3.</source>
        <translation>Полис ОМС (%1) действует последний день. Переоформите его в МФЦ или страховой компании: %3.</translation>
    </message>
    <message numerus="yes">
        <source>The temporary OMS certificate of %1 is valid for %n more day(s), until %2. Collect the policy before then at the insurance company: %3.</source>
        <translation>
            <numerusform>Временное свидетельство ОМС (%1) действует ещё %n день, до %2. До этого срока получите полис в страховой компании: %3.</numerusform>
            <numerusform>Временное свидетельство ОМС (%1) действует ещё %n дня, до %2. До этого срока получите полис в страховой компании: %3.</numerusform>
            <numerusform>Временное свидетельство ОМС (%1) действует ещё %n дней, до %2. До этого срока получите полис в страховой компании: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The OMS policy of %1 ends in %n day(s), on %2. Renew it before then at an МФЦ or the insurance company: %3.</source>
        <translation>
            <numerusform>Полис ОМС (%1) заканчивается через %n день, %2. До этого срока переоформите его в МФЦ или страховой компании: %3.</numerusform>
            <numerusform>Полис ОМС (%1) заканчивается через %n дня, %2. До этого срока переоформите его в МФЦ или страховой компании: %3.</numerusform>
            <numerusform>Полис ОМС (%1) заканчивается через %n дней, %2. До этого срока переоформите его в МФЦ или страховой компании: %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <source>My clinic — %1</source>
        <translation>Моя поликлиника — %1</translation>
    </message>
    <message>
        <source>My clinic</source>
        <translation>Моя поликлиника</translation>
    </message>
    <message>
        <source>This portal does not take applications to change the clinic online.</source>
        <translation>Этот портал не принимает заявления о смене поликлиники онлайн.</translation>
    </message>
    <message>
        <source>The portal rejected the application: %1.</source>
        <translation>Портал отклонил заявление: %1.</translation>
    </message>
    <message>
        <source>The application was accepted: %1.</source>
        <translation>Заявление одобрено: %1.</translation>
    </message>
    <message>
        <source>The application was sent: %1.</source>
        <translation>Заявление подано: %1.</translation>
    </message>
    <message>
        <source>The application was withdrawn.</source>
        <translation>Заявление отозвано.</translation>
    </message>
    <message>
        <source>Withdraw application</source>
        <translation>Отозвать заявление</translation>
    </message>
    <message>
        <source>Withdraw this application? You stay attached to your present clinic.</source>
        <translation>Отозвать заявление? Прикрепление к нынешней поликлинике сохранится.</translation>
    </message>
    <message>
        <source>Change clinic…</source>
        <translation>Сменить поликлинику…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Type a date as %1, or pick it in the calendar.</source>
        <translation>Введите дату в виде %1 или выберите её в календаре.</translation>
    </message>
    <message>
        <source>Choose in the calendar (Alt+Down)</source>
        <translation>Выбрать в календаре (Alt+Вниз)</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>&amp;Find a patient</source>
        <translation>&amp;Найти пациента</translation>
    </message>
    <message>
        <source>&amp;Next patient</source>
        <translation>&amp;Следующий пациент</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Print the &amp;documents</source>
        <translation>Печать &amp;документов</translation>
    </message>
    <message>
        <source>Save the document as PDF…</source>
        <translation>Сохранить документ в PDF…</translation>
    </message>
    <message>
        <source>&amp;Book a visit…</source>
        <translation>&amp;Записать на приём…</translation>
    </message>
    <message>
        <source>&amp;Move the visit…</source>
        <translation>&amp;Перенести запись…</translation>
    </message>
    <message>
        <source>&amp;Cancel the visit</source>
        <translation>&amp;Отменить запись</translation>
    </message>
    <message>
        <source>&amp;Print the ticket</source>
        <translation>&amp;Печать талона</translation>
    </message>
    <message>
        <source>Save the ticket as PDF…</source>
        <translation>Сохранить талон в PDF…</translation>
    </message>
    <message>
        <source>Call a doctor &amp;home…</source>
        <translation>Вызов врача на &amp;дом…</translation>
    </message>
    <message>
        <source>&amp;Day board</source>
        <translation>&amp;Расписание дня</translation>
    </message>
    <message>
        <source>Mark &amp;arrived</source>
        <translation>Отметить &amp;явку</translation>
    </message>
    <message>
        <source>Mark &amp;no-show</source>
        <translation>Отметить &amp;неявку</translation>
    </message>
    <message>
        <source>Back to &amp;booked</source>
        <translation>Вернуть в &amp;записанные</translation>
    </message>
    <message>
        <source>&amp;Walk-in: next free time…</source>
        <translation>&amp;Без записи: ближайшее время…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Finish the shift</source>
        <translation>&amp;Завершить смену</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Пациент</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>&amp;Запись</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;День</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Смена</translation>
    </message>
</context>
<context>
    <name>DeskBookingDialog</name>
    <message>
        <source>Move the visit — %1</source>
        <translation>Перенос записи — %1</translation>
    </message>
    <message>
        <source>Book a visit — %1</source>
        <translation>Запись на приём — %1</translation>
    </message>
    <message>
        <source>Book and &amp;print the ticket</source>
        <translation>Записать и &amp;напечатать талон</translation>
    </message>
    <message>
        <source>Book &amp;without printing</source>
        <translation>Записать &amp;без печати</translation>
    </message>
    <message>
        <source>&amp;Specialty</source>
        <translation>&amp;Специальность</translation>
    </message>
    <message>
        <source>&amp;Doctor</source>
        <translation>&amp;Врач</translation>
    </message>
    <message>
        <source>First free &amp;times</source>
        <translation>Ближайшее свободное &amp;время</translation>
    </message>
    <message>
        <source>Reading the clinic&apos;s doctors…</source>
        <translation>Читаю список врачей поликлиники…</translation>
    </message>
    <message>
        <source>Any doctor (the first free time)</source>
        <translation>Любой врач (ближайшее время)</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Ищу свободное время…</translation>
    </message>
    <message>
        <source>Enter books the chosen time and prints the ticket.</source>
        <translation>Enter — записать на выбранное время и напечатать талон.</translation>
    </message>
    <message>
        <source>No free time in the next three weeks.</source>
        <translation>В ближайшие три недели свободного времени нет.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Записываю…</translation>
    </message>
    <message>
        <source>This time has just been taken at another desk or by the patient online. The next free times are shown: choose one and press Enter.</source>
        <translation>Это время только что заняли в другом окне регистратуры или через портал. Показано ближайшее свободное время: выберите и нажмите Enter.</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>The registry desk: the portal&apos;s address, then sign in as staff.</source>
        <translation>Регистратура: адрес портала, затем вход сотрудника.</translation>
    </message>
    <message>
        <source>Signing in at the portal… (finish it in the browser)</source>
        <translation>Вход на портале… (завершите его в браузере)</translation>
    </message>
    <message>
        <source>Starting the demo portal…</source>
        <translation>Запускаю демо-портал…</translation>
    </message>
    <message>
        <source>Shift started.</source>
        <translation>Смена начата.</translation>
    </message>
    <message>
        <source>Ending the shift…</source>
        <translation>Завершаю смену…</translation>
    </message>
    <message>
        <source>The shift is over: you are signed out at the portal.</source>
        <translation>Смена завершена: выход на портале выполнен.</translation>
    </message>
    <message>
        <source>The shift is over. The portal could not be told; the sign-in expires soon.</source>
        <translation>Смена завершена. Портал не ответил; вход скоро истечёт сам.</translation>
    </message>
    <message>
        <source>Sign in at the portal in the browser…</source>
        <translation>Войдите на портале в браузере…</translation>
    </message>
    <message>
        <source>Ready for the next patient.</source>
        <translation>Готово к приёму следующего пациента.</translation>
    </message>
    <message>
        <source>No documents are ready for this patient.</source>
        <translation>Для этого пациента готовых документов нет.</translation>
    </message>
    <message>
        <source>Preparing the documents for the printer…</source>
        <translation>Готовлю документы к печати…</translation>
    </message>
    <message>
        <source>Printed: %1.</source>
        <translation>Напечатано: %1.</translation>
    </message>
    <message>
        <source>The document was saved as PDF.</source>
        <translation>Документ сохранён в PDF.</translation>
    </message>
</context>
<context>
    <name>DeskSettingsDialog</name>
    <message>
        <source>Desk settings</source>
        <translation>Настройки регистратуры</translation>
    </message>
    <message>
        <source>&amp;Lock the idle desk after</source>
        <translation>&amp;Блокировать без действий через</translation>
    </message>
    <message>
        <source>&amp;Sign out a locked desk after</source>
        <translation>&amp;Завершать заблокированную смену через</translation>
    </message>
    <message>
        <source>Lang&amp;uage</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Medcard — registry desk</source>
        <translation>Medcard — регистратура</translation>
    </message>
    <message>
        <source>Reception (F3)</source>
        <translation>Приём (F3)</translation>
    </message>
    <message>
        <source>Day board (F4)</source>
        <translation>Расписание дня (F4)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Finish the shift</source>
        <translation>Завершить смену</translation>
    </message>
    <message>
        <source>Sign in to start a shift</source>
        <translation>Войти и начать смену</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a record to see it in full.</source>
        <translation>Выберите запись, чтобы увидеть её полностью.</translation>
    </message>
    <message>
        <source>Print record</source>
        <translation>Печать записи</translation>
    </message>
    <message>
        <source>Save record as PDF</source>
        <translation>Сохранить запись в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1. Check the folder and free space.</source>
        <translation>Не удалось записать PDF в %1. Проверьте папку и свободное место.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the record to the clipboard</source>
        <translation>Скопировать запись в буфер обмена</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
</context>
<context>
    <name>DiaryEntryDialog</name>
    <message>
        <source>Edit diary entry</source>
        <translation>Изменение записи дневника</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>Новая запись дневника</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Измерение</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>For example: after a walk, before breakfast</source>
        <translation>Например: после прогулки, до завтрака</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>DiaryImportDialog</name>
    <message>
        <source>Import readings from %1</source>
        <translation>Импорт измерений из %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Измерение</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Lines that will not be imported:</source>
        <translation>Строки, которые не будут импортированы:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Файл не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) to import.</source>
        <translation>
            <numerusform>Будет импортировано %n измерение.</numerusform>
            <numerusform>Будет импортировано %n измерения.</numerusform>
            <numerusform>Будет импортировано %n измерений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) with errors.</source>
        <translation>
            <numerusform>%n строка с ошибками.</numerusform>
            <numerusform>%n строки с ошибками.</numerusform>
            <numerusform>%n строк с ошибками.</numerusform>
        </translation>
    </message>
    <message>
        <source>Readings imported before are not added again.</source>
        <translation>Измерения, импортированные ранее, повторно не добавляются.</translation>
    </message>
</context>
<context>
    <name>DiaryPanel</name>
    <message>
        <source>My health diary</source>
        <translation>Мой дневник здоровья</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>Добавить запись…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Импорт из CSV…</translation>
    </message>
    <message>
        <source>Send the entries that wait on this computer</source>
        <translation>Отправить записи, ожидающие на этом компьютере</translation>
    </message>
    <message numerus="yes">
        <source>Send now (%n waiting)</source>
        <translation>
            <numerusform>Отправить сейчас (%n ждёт)</numerusform>
            <numerusform>Отправить сейчас (%n ждут)</numerusform>
            <numerusform>Отправить сейчас (%n ждут)</numerusform>
        </translation>
    </message>
    <message>
        <source>Your entry is kept: choose “Add entry…” to try again.</source>
        <translation>Запись не потеряна: нажмите «Добавить запись…», чтобы попробовать снова.</translation>
    </message>
    <message>
        <source>Your changes are kept: choose “Edit…” on the entry again.</source>
        <translation>Изменения не потеряны: выберите запись и нажмите «Изменить…» ещё раз.</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Удаление записи</translation>
    </message>
    <message>
        <source>Delete this diary entry? This cannot be undone.</source>
        <translation>Удалить эту запись дневника? Отменить удаление будет нельзя.</translation>
    </message>
    <message>
        <source>Import readings</source>
        <translation>Импорт измерений</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Saved to the portal.</source>
        <translation>Сохранено на портале.</translation>
    </message>
    <message>
        <source>The portal cannot be reached: the entry is kept on this computer and will be sent when the portal is available.</source>
        <translation>Портал недоступен: запись сохранена на этом компьютере и будет отправлена, когда портал станет доступен.</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n new reading(s).</source>
        <translation>
            <numerusform>Импортировано новых измерений: %n.</numerusform>
            <numerusform>Импортировано новых измерений: %n.</numerusform>
            <numerusform>Импортировано новых измерений: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in the diary.</source>
        <translation>
            <numerusform>%n уже было в дневнике.</numerusform>
            <numerusform>%n уже было в дневнике.</numerusform>
            <numerusform>%n уже было в дневнике.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the portal: %n entries.</source>
        <translation>
            <numerusform>Отправлена на портал %n запись.</numerusform>
            <numerusform>Отправлены на портал %n записи.</numerusform>
            <numerusform>Отправлено на портал %n записей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Select a document to open it.</source>
        <translation>Выберите документ, чтобы открыть его.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открывается…</translation>
    </message>
    <message>
        <source>This file cannot be shown: it is not a PDF.</source>
        <translation>Файл нельзя показать: это не PDF.</translation>
    </message>
    <message>
        <source>The original is not on this computer yet. Connect to the portal to open it.</source>
        <translation>Оригинала ещё нет на этом компьютере. Подключитесь к порталу, чтобы открыть его.</translation>
    </message>
    <message>
        <source>This document has no file to show.</source>
        <translation>У документа нет файла для просмотра.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2: intact.</source>
        <translation>Подписано: %1, %2. Документ не изменялся.</translation>
    </message>
    <message>
        <source>Signature names: %1</source>
        <translation>В подписи указан: %1</translation>
    </message>
    <message>
        <source>Print document</source>
        <translation>Печать документа</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>Сохранение документа</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Не удалось записать файл: %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Save the original file (PDF) to a folder you choose</source>
        <translation>Сохранить оригинал (PDF) в выбранную папку</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message numerus="yes">
        <source>Orders (%n)</source>
        <translation>
            <numerusform>Заказы (%n)</numerusform>
            <numerusform>Заказы (%n)</numerusform>
            <numerusform>Заказы (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No orders yet. Order a certificate, an extract or paper copies above.</source>
        <translation>Заказов пока нет. Закажите справку, выписку или бумажные копии кнопками вверху.</translation>
    </message>
    <message>
        <source>Select an order to see its state.</source>
        <translation>Выберите заказ, чтобы увидеть его состояние.</translation>
    </message>
    <message>
        <source>Document ready: %1 (%2)</source>
        <translation>Документ готов: %1 (%2)</translation>
    </message>
    <message>
        <source>Order rejected: %1 (%2)</source>
        <translation>Заказ отклонён: %1 (%2)</translation>
    </message>
    <message>
        <source>This portal does not take document orders online.</source>
        <translation>Этот портал не принимает заказы документов онлайн.</translation>
    </message>
    <message>
        <source>This portal does not take requests for paper copies online.</source>
        <translation>Этот портал не принимает онлайн-запросы бумажных копий.</translation>
    </message>
    <message>
        <source>Order a document…</source>
        <translation>Заказать документ…</translation>
    </message>
    <message>
        <source>Paper copy of records…</source>
        <translation>Бумажная копия записей…</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Заказан</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Medcard: something went wrong</source>
        <translation>Медкарта: что-то пошло не так</translation>
    </message>
    <message>
        <source>Medcard ran into a problem it did not expect. Your card and your entries are safe; you can go on working. If it happens again, please send us the details.</source>
        <translation>Медкарта столкнулась с непредвиденной ошибкой. Ваша медкарта и записи в безопасности, можно продолжать работу. Если ошибка повторится, пришлите нам подробности.</translation>
    </message>
    <message>
        <source>The details are also in the log: %1</source>
        <translation>Подробности есть и в журнале: %1</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Quit Medcard</source>
        <translation>Выйти из Медкарты</translation>
    </message>
</context>
<context>
    <name>FamilyModel</name>
    <message>
        <source>The request was withdrawn.</source>
        <translation>Заявка отозвана.</translation>
    </message>
    <message>
        <source>You no longer have access to this card.</source>
        <translation>У вас больше нет доступа к этой медкарте.</translation>
    </message>
</context>
<context>
    <name>FamilyTab</name>
    <message>
        <source>Access requests</source>
        <translation>Заявки на доступ</translation>
    </message>
    <message>
        <source>No requests. To add a child&apos;s card, send a request: most are answered at once.</source>
        <translation>Заявок нет. Чтобы добавить медкарту ребёнка, отправьте заявку: на большинство отвечают сразу.</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Отозвать заявку</translation>
    </message>
    <message>
        <source>Withdraw this request for access? You can send a new one later.</source>
        <translation>Отозвать эту заявку на доступ? Позже можно отправить новую.</translation>
    </message>
    <message>
        <source>Give up access</source>
        <translation>Отказаться от доступа</translation>
    </message>
    <message>
        <source>Give up access to %1&apos;s card? The card will be removed from this computer, and getting access again needs a new request.</source>
        <translation>Отказаться от доступа к медкарте (%1)? Медкарта будет удалена с этого компьютера, а для нового доступа понадобится новая заявка.</translation>
    </message>
    <message>
        <source>Access granted: %1&apos;s card is being added.</source>
        <translation>Доступ предоставлен: медкарта (%1) добавляется.</translation>
    </message>
    <message>
        <source>Request for %1 sent. A check takes up to 5 days.</source>
        <translation>Заявка для %1 отправлена. Проверка занимает до 5 дней.</translation>
    </message>
    <message>
        <source>The request for %1 is on hold: see what to bring below.</source>
        <translation>Заявка для %1 приостановлена: ниже указано, что принести.</translation>
    </message>
    <message>
        <source>The request for %1 was rejected.</source>
        <translation>Заявка для %1 отклонена.</translation>
    </message>
    <message>
        <source>Request for %1 sent.</source>
        <translation>Заявка для %1 отправлена.</translation>
    </message>
    <message>
        <source>This portal does not take requests for a child&apos;s card online.</source>
        <translation>Этот портал не принимает онлайн-заявки на доступ к медкарте ребёнка.</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Request access to a child&apos;s card…</source>
        <translation>Запросить доступ к медкарте ребёнка…</translation>
    </message>
    <message>
        <source>How access to a child&apos;s card works</source>
        <translation>Как получить доступ к медкарте ребёнка</translation>
    </message>
    <message>
        <source>A parent or adoptive parent can open a child&apos;s card until the child turns 15; from 15 a person holds their own access.</source>
        <translation>Родитель или усыновитель может открывать медкарту ребёнка, пока ему не исполнится 15 лет; с 15 лет человек сам распоряжается доступом.</translation>
    </message>
    <message>
        <source>Guardians and trustees cannot get online access.</source>
        <translation>Опекуны и попечители не могут получить онлайн-доступ.</translation>
    </message>
    <message>
        <source>A birth certificate issued from 1 October 2018, or issued in Moscow, is checked at once.</source>
        <translation>Свидетельство о рождении, выданное с 1 октября 2018 года или в Москве, проверяется сразу.</translation>
    </message>
    <message>
        <source>Otherwise the clinic checks your rights in person (up to 5 days): bring your passport, the child&apos;s insurance policy and birth certificate.</source>
        <translation>Иначе поликлиника проверяет ваши права лично (до 5 дней): возьмите паспорт, полис ОМС ребёнка и свидетельство о рождении.</translation>
    </message>
    <message>
        <source>When access ends, the child&apos;s card is removed from this computer at the next sync.</source>
        <translation>Когда доступ заканчивается, медкарта ребёнка удаляется с этого компьютера при следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>Records found: %n</source>
        <translation>
            <numerusform>Найдено записей: %n</numerusform>
            <numerusform>Найдено записей: %n</numerusform>
            <numerusform>Найдено записей: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the whole card (Ctrl+F)</source>
        <translation>Поиск по всей медкарте (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;С</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;По</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>любая дата</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Show only this kind of record (combine several)</source>
        <translation>Показать только записи этого вида (можно выбрать несколько)</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message numerus="yes">
        <source>%1, %n years</source>
        <translation>
            <numerusform>%1, %n год</numerusform>
            <numerusform>%1, %n года</numerusform>
            <numerusform>%1, %n лет</numerusform>
        </translation>
    </message>
    <message>
        <source>Open this person&apos;s card</source>
        <translation>Открыть медкарту этого человека</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Обновлено в %1</translation>
    </message>
    <message>
        <source>Card of:</source>
        <translation>Медкарта:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Fetch new records from the portal (F5)</source>
        <translation>Загрузить новые записи с портала (F5)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <source>The portal cannot be reached. The saved card is still available.</source>
        <translation>Портал недоступен. Сохранённая медкарта по-прежнему доступна.</translation>
    </message>
</context>
<context>
    <name>HomeVisitDialog</name>
    <message>
        <source>Call a doctor home — %1</source>
        <translation>Вызов врача на дом — %1</translation>
    </message>
    <message>
        <source>What worries you, since when</source>
        <translation>Что беспокоит и с какого времени</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>не измеряли</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Симптомы</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Контактный телефон</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Отправить заявку</translation>
    </message>
    <message>
        <source>Enter the address where the doctor should come.</source>
        <translation>Укажите адрес, куда должен прийти врач.</translation>
    </message>
    <message>
        <source>Describe the symptoms for the doctor.</source>
        <translation>Опишите симптомы для врача.</translation>
    </message>
    <message>
        <source>Enter a contact phone number with at least 10 digits.</source>
        <translation>Укажите контактный телефон (не меньше 10 цифр).</translation>
    </message>
</context>
<context>
    <name>LabsTab</name>
    <message>
        <source>Search analytes…</source>
        <translation>Поиск показателя…</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 год</translation>
    </message>
    <message>
        <source>5 years</source>
        <translation>5 лет</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save chart (PNG)…</source>
        <translation>Сохранить график (PNG)…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save data (CSV)…</source>
        <translation>Сохранить данные (CSV)…</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>лаборатория</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>вне нормы</translation>
    </message>
    <message>
        <source>self-measured</source>
        <translation>самостоятельно</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>не отправлено</translation>
    </message>
    <message>
        <source>Select one or several analytes on the left to see how they changed over time.</source>
        <translation>Выберите слева один или несколько показателей, чтобы увидеть их динамику.</translation>
    </message>
    <message>
        <source>Not on the chart — the unit cannot be converted:</source>
        <translation>Не показано на графике — единицу измерения нельзя пересчитать:</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Сохранить график</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved.</source>
        <translation>Не удалось сохранить график.</translation>
    </message>
    <message>
        <source>Save data</source>
        <translation>Сохранить данные</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The data could not be saved: %1</source>
        <translation>Не удалось сохранить данные: %1</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Open in a browser</source>
        <translation>Открыть в браузере</translation>
    </message>
    <message>
        <source>No web browser opened on this computer. Open this address in a browser yourself, for example on your phone:</source>
        <translation>На этом компьютере не открылся браузер. Откройте этот адрес в браузере сами, например на телефоне:</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Копировать адрес</translation>
    </message>
    <message>
        <source>Copied. Paste it into the address bar of a browser.</source>
        <translation>Скопировано. Вставьте адрес в адресную строку браузера.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>The desk is locked</source>
        <translation>Рабочее место заблокировано</translation>
    </message>
    <message>
        <source>%1 holds this desk. Unlocking asks for the password at the portal.</source>
        <translation>Рабочее место занято: %1. Для разблокировки портал снова спросит пароль.</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Разблокировать…</translation>
    </message>
    <message>
        <source>&amp;Finish the shift</source>
        <translation>&amp;Завершить смену</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Medcard</source>
        <translation>Медкарта</translation>
    </message>
    <message>
        <source>Medical card</source>
        <translation>Медкарта</translation>
    </message>
    <message>
        <source>Lab trends</source>
        <translation>Динамика анализов</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Записи к врачу</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>My clinic</source>
        <translation>Моя поликлиника</translation>
    </message>
    <message>
        <source>Medcard — demo mode</source>
        <translation>Медкарта — демо-режим</translation>
    </message>
    <message>
        <source>Demo mode: synthetic data</source>
        <translation>Демо-режим: вымышленные данные</translation>
    </message>
    <message>
        <source>The built-in demo portal with a made-up family: this is not your medical card, and nothing is sent anywhere.</source>
        <translation>Встроенный демо-портал с вымышленной семьёй: это не ваша медицинская карта, и ничего никуда не отправляется.</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Добавить учётную запись…</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>Сменить учётную запись</translation>
    </message>
    <message>
        <source>Change password / manage account…</source>
        <translation>Сменить пароль / управление учётной записью…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Обновить</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Account holder</source>
        <translation>Владелец учётной записи</translation>
    </message>
    <message>
        <source>Access active</source>
        <translation>Доступ есть</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Requested on %1.</source>
        <translation>Запрошено %1.</translation>
    </message>
    <message>
        <source>Your own medical card.</source>
        <translation>Ваша собственная медкарта.</translation>
    </message>
    <message>
        <source>You can open this card until the child turns 15.</source>
        <translation>Эту медкарту можно открывать, пока ребёнку не исполнится 15 лет.</translation>
    </message>
    <message>
        <source>You can open this card until the child turns 15 (%1).</source>
        <translation>Эту медкарту можно открывать, пока ребёнку не исполнится 15 лет (%1).</translation>
    </message>
    <message>
        <source>Accepted. The card is being opened for you…</source>
        <translation>Одобрено. Медкарта открывается…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Дата рождения: %1</translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>Открыть медкарту</translation>
    </message>
    <message>
        <source>Card is open</source>
        <translation>Медкарта открыта</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Отозвать заявку</translation>
    </message>
    <message>
        <source>Give up access…</source>
        <translation>Отказаться от доступа…</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order a document</source>
        <translation>Заказ документа</translation>
    </message>
    <message>
        <source>e.g. for the employer, for a sports club</source>
        <translation>например, для работодателя, для спортивной секции</translation>
    </message>
    <message>
        <source>Electronic: a signed PDF in this app</source>
        <translation>Электронно: подписанный PDF в приложении</translation>
    </message>
    <message>
        <source>Paper: pick it up at the clinic</source>
        <translation>На бумаге: получить в поликлинике</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Способ получения</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказать</translation>
    </message>
    <message>
        <source>The portal has not listed the documents it issues yet.</source>
        <translation>Портал ещё не сообщил, какие документы выдаёт.</translation>
    </message>
    <message>
        <source>No document can be ordered online for this person.</source>
        <translation>Для этого человека документы онлайн не заказываются.</translation>
    </message>
    <message>
        <source>Issued at once.</source>
        <translation>Выдаётся сразу.</translation>
    </message>
    <message>
        <source>A doctor writes it: usually by the next working day.</source>
        <translation>Оформляет врач: обычно к следующему рабочему дню.</translation>
    </message>
    <message>
        <source>This portal does not take document orders online.</source>
        <translation>Этот портал не принимает заказы документов онлайн.</translation>
    </message>
    <message>
        <source>Orders are sent when the portal can be reached.</source>
        <translation>Заказ отправляется, когда портал доступен.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>PaperCopyDialog</name>
    <message>
        <source>Paper copy of records</source>
        <translation>Бумажная копия записей</translation>
    </message>
    <message>
        <source>The clinic prints copies of electronic records the same day. Pick them up at the registry with your passport.</source>
        <translation>Поликлиника печатает копии электронных записей в тот же день. Получите их в регистратуре, при себе иметь паспорт.</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Для кого: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) chosen:</source>
        <translation>
            <numerusform>Выбрана %n запись:</numerusform>
            <numerusform>Выбрано %n записи:</numerusform>
            <numerusform>Выбрано %n записей:</numerusform>
        </translation>
    </message>
    <message>
        <source>Every visit record in the period:</source>
        <translation>Все записи о приёмах за период:</translation>
    </message>
    <message numerus="yes">
        <source>%n chosen record(s) of other kinds are not copied on paper.</source>
        <translation>
            <numerusform>%n выбранная запись другого вида не копируется на бумаге.</numerusform>
            <numerusform>%n выбранные записи других видов не копируются на бумаге.</numerusform>
            <numerusform>%n выбранных записей других видов не копируются на бумаге.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request paper copies</source>
        <translation>Заказать копии</translation>
    </message>
    <message>
        <source>This portal does not take requests for paper copies online.</source>
        <translation>Этот портал не принимает онлайн-запросы бумажных копий.</translation>
    </message>
    <message>
        <source>Requests are sent when the portal can be reached.</source>
        <translation>Запрос отправляется, когда портал доступен.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Opening the patient…</source>
        <translation>Открываю пациента…</translation>
    </message>
    <message>
        <source>No patient open.
Type a surname, a policy or a phone number and press Enter; F4 shows the day board.</source>
        <translation>Пациент не открыт.
Введите фамилию, номер полиса или телефона и нажмите Enter; F4 — расписание дня.</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>дата рождения %1</translation>
    </message>
    <message>
        <source>OMS policy: %1</source>
        <translation>Полис ОМС: %1</translation>
    </message>
    <message>
        <source>Attached to: %1</source>
        <translation>Прикреплён: %1</translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation>Предстоящие (%1)</translation>
    </message>
    <message>
        <source>Past (%1)</source>
        <translation>Прошедшие (%1)</translation>
    </message>
    <message>
        <source>Documents to print (%1)</source>
        <translation>Документы к выдаче (%1)</translation>
    </message>
</context>
<context>
    <name>PolicyCard</name>
    <message>
        <source>The portal keeps no OMS policy for this person.</source>
        <translation>На портале нет полиса ОМС этого человека.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>до %1</translation>
    </message>
    <message>
        <source>from %1, with no end date</source>
        <translation>с %1, бессрочно</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>действует</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>не действует</translation>
    </message>
    <message>
        <source>OMS insurance policy</source>
        <translation>Полис ОМС</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>Страховая компания</translation>
    </message>
    <message>
        <source>Insurer&apos;s phone</source>
        <translation>Телефон страховой</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Территория страхования</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Срок действия</translation>
    </message>
</context>
<context>
    <name>PortalChooser</name>
    <message>
        <source>sign-in through Gosuslugi</source>
        <translation>вход через Госуслуги</translation>
    </message>
    <message>
        <source>Another portal…</source>
        <translation>Другой портал…</translation>
    </message>
    <message>
        <source>any FHIR portal with SMART sign-in, by its address</source>
        <translation>любой FHIR-портал со входом SMART — по его адресу</translation>
    </message>
    <message>
        <source>&amp;Portal</source>
        <translation>&amp;Портал</translation>
    </message>
    <message>
        <source>Portal&apos;s FHIR &amp;address</source>
        <translation>FHIR-&amp;адрес портала</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>I did not receive this service</source>
        <translation>Я не получал эту услугу</translation>
    </message>
    <message>
        <source>Your insurer will check with the clinic whether this service was provided. The answer appears next to the service.</source>
        <translation>Страховая компания проверит в медучреждении, была ли оказана услуга. Ответ появится рядом с услугой.</translation>
    </message>
    <message>
        <source>Comment for the insurer (optional): e.g. I was not at the clinic that day</source>
        <translation>Комментарий для страховой компании (необязательно): например, в этот день я не был в поликлинике</translation>
    </message>
    <message>
        <source>Send to the insurer</source>
        <translation>Отправить в страховую компанию</translation>
    </message>
</context>
<context>
    <name>RequestAccessDialog</name>
    <message>
        <source>Sending…</source>
        <translation>Отправляем…</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Отправить заявку</translation>
    </message>
    <message>
        <source>Request access to a child&apos;s card</source>
        <translation>Запрос доступа к медкарте ребёнка</translation>
    </message>
    <message>
        <source>Parents and adoptive parents can open a child&apos;s card until the child turns 15. The clinic answers at once or after a check that takes up to 5 days.</source>
        <translation>Родители и усыновители могут открывать медкарту ребёнка, пока ему не исполнится 15 лет. Поликлиника отвечает сразу или после проверки, которая занимает до 5 дней.</translation>
    </message>
    <message>
        <source>Child&apos;s full name</source>
        <translation>ФИО ребёнка</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Insurance policy (OMS)</source>
        <translation>Полис ОМС</translation>
    </message>
    <message>
        <source>Birth certificate series</source>
        <translation>Серия свидетельства о рождении</translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation>Номер свидетельства о рождении</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Кем выдано</translation>
    </message>
    <message>
        <source>You are the child&apos;s</source>
        <translation>Вы приходитесь ребёнку</translation>
    </message>
    <message>
        <source>Surname, name, patronymic</source>
        <translation>Фамилия, имя, отчество</translation>
    </message>
    <message>
        <source>for example IV-МЮ</source>
        <translation>например, IV-МЮ</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 цифр</translation>
    </message>
    <message>
        <source>Registry office and town</source>
        <translation>Отдел ЗАГС и город</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выберите…</translation>
    </message>
</context>
<context>
    <name>RulesBox</name>
    <message>
        <source>How to change the clinic</source>
        <translation>Как сменить поликлинику</translation>
    </message>
    <message>
        <source>By choice: once a year. After moving house: at any time, with the new address.</source>
        <translation>По выбору — раз в год. При переезде — в любое время, с указанием нового адреса.</translation>
    </message>
    <message>
        <source>Adults and children are attached to separate polyclinics; a parent applies for a child.</source>
        <translation>Взрослых и детей прикрепляют к разным поликлиникам; за ребёнка заявление подаёт родитель.</translation>
    </message>
    <message>
        <source>The portal checks the rules at once; then the new clinic accepts or refuses.</source>
        <translation>Портал сразу проверяет правила, затем новая поликлиника принимает или отклоняет заявление.</translation>
    </message>
    <message>
        <source>The new clinic&apos;s registry asks to see the passport (a child&apos;s birth certificate), the OMS policy and SNILS.</source>
        <translation>В регистратуре новой поликлиники попросят паспорт (у ребёнка — свидетельство о рождении), полис ОМС и СНИЛС.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Surname (the first letters), first name, birth date, policy or phone.</source>
        <translation>Фамилия (первые буквы), имя, дата рождения, полис или телефон.</translation>
    </message>
    <message>
        <source>Type a little more: at least a letter or six digits.</source>
        <translation>Введите ещё немного: хотя бы букву или шесть цифр.</translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling or search by policy.</source>
        <translation>Никого не найдено. Проверьте написание или ищите по полису.</translation>
    </message>
    <message>
        <source>Showing %1 of %2: add the first name or the birth date.</source>
        <translation>Показано %1 из %2: добавьте имя или дату рождения.</translation>
    </message>
    <message numerus="yes">
        <source>Found: %n. Enter opens the patient.</source>
        <translation>
            <numerusform>Найден %n пациент. Enter — открыть.</numerusform>
            <numerusform>Найдено %n пациента. Enter — открыть.</numerusform>
            <numerusform>Найдено %n пациентов. Enter — открыть.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a patient: Ivanov Sergey 17.07.1981</source>
        <translation>Найти пациента: Иванов Сергей 17.07.1981</translation>
    </message>
    <message>
        <source>Find a patient (F3)</source>
        <translation>Найти пациента (F3)</translation>
    </message>
</context>
<context>
    <name>ServicesFilterBar</name>
    <message>
        <source>Every clinic</source>
        <translation>Все медучреждения</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Любая</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;С</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;По</translation>
    </message>
    <message>
        <source>C&amp;linic</source>
        <translation>&amp;Медучреждение</translation>
    </message>
    <message>
        <source>&amp;Paid by</source>
        <translation>&amp;Оплата</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>любая дата</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Total for the period: %1 · %2, %3</source>
        <translation>Итого за период: %1 · %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n услуга</numerusform>
            <numerusform>%n услуги</numerusform>
            <numerusform>%n услуг</numerusform>
        </translation>
    </message>
    <message>
        <source>By year: %1</source>
        <translation>По годам: %1</translation>
    </message>
    <message>
        <source>No services match the filters.</source>
        <translation>Нет услуг, подходящих под условия отбора.</translation>
    </message>
    <message>
        <source>No services received are recorded in this card yet.</source>
        <translation>В этой карте пока нет сведений об оказанных услугах.</translation>
    </message>
    <message>
        <source>This portal does not take reports about services online.</source>
        <translation>Этот портал не принимает обращения об услугах онлайн.</translation>
    </message>
    <message>
        <source>Reports are sent when the portal can be reached.</source>
        <translation>Обращение отправляется, когда портал доступен.</translation>
    </message>
    <message>
        <source>This service is already reported; the insurer is checking it.</source>
        <translation>По этой услуге уже есть обращение, страховая компания проверяет его.</translation>
    </message>
    <message>
        <source>Select a service (a line under a visit) to report it.</source>
        <translation>Выберите услугу (строку внутри обращения), чтобы сообщить о ней.</translation>
    </message>
    <message>
        <source>Services received and their cost</source>
        <translation>Оказанные медицинские услуги и их стоимость</translation>
    </message>
    <message>
        <source>Print services</source>
        <translation>Печать списка услуг</translation>
    </message>
    <message>
        <source>Save services as PDF</source>
        <translation>Сохранить услуги в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1. Check the folder and free space.</source>
        <translation>Не удалось записать PDF в %1. Проверьте папку и свободное место.</translation>
    </message>
    <message>
        <source>Save services as CSV</source>
        <translation>Сохранить услуги в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Не удалось записать файл: %1</translation>
    </message>
    <message>
        <source>I did not receive this service…</source>
        <translation>Я не получал эту услугу…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Save the list as PDF</source>
        <translation>Сохранить список в PDF</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the list for a spreadsheet</source>
        <translation>Сохранить список для электронной таблицы</translation>
    </message>
</context>
<context>
    <name>ServicesTreeModel</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n услуга</numerusform>
            <numerusform>%n услуги</numerusform>
            <numerusform>%n услуг</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Remind me about appointments</source>
        <translation>Напоминать о записях к врачу</translation>
    </message>
    <message>
        <source>Light or dark appearance follows the system settings.</source>
        <translation>Светлое или тёмное оформление — как в настройках системы.</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <source>HH:MM</source>
        <translation>ЧЧ:ММ</translation>
    </message>
</context>
<context>
    <name>VisitFlows</name>
    <message>
        <source>Open a patient first: find them by surname, policy or phone.</source>
        <translation>Сначала откройте пациента: найдите по фамилии, полису или телефону.</translation>
    </message>
    <message>
        <source>Choose an upcoming visit first.</source>
        <translation>Сначала выберите предстоящую запись.</translation>
    </message>
    <message>
        <source>Only a visit at the clinic can be moved here.</source>
        <translation>Здесь можно перенести только приём в поликлинике.</translation>
    </message>
    <message>
        <source>Booked, ticket %1 printed.</source>
        <translation>Записан, талон %1 напечатан.</translation>
    </message>
    <message>
        <source>Booked: ticket %1.</source>
        <translation>Записан: талон %1.</translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation>Отмена записи</translation>
    </message>
    <message>
        <source>Cancel the visit of %1 to %2? The time becomes free for others.</source>
        <translation>Отменить запись пациента %1 к врачу %2? Время освободится для других.</translation>
    </message>
    <message>
        <source>the patient</source>
        <translation>пациента</translation>
    </message>
    <message>
        <source>Ticket %1 printed.</source>
        <translation>Талон %1 напечатан.</translation>
    </message>
    <message>
        <source>The ticket was saved as PDF.</source>
        <translation>Талон сохранён в PDF.</translation>
    </message>
    <message>
        <source>The home visit request was sent to the clinic.</source>
        <translation>Вызов врача на дом передан в поликлинику.</translation>
    </message>
    <message>
        <source>Choose a booked time on the board first.</source>
        <translation>Сначала выберите в расписании занятое время.</translation>
    </message>
    <message>
        <source>Marked arrived.</source>
        <translation>Явка отмечена.</translation>
    </message>
    <message>
        <source>Marked as a no-show.</source>
        <translation>Неявка отмечена.</translation>
    </message>
    <message>
        <source>Back to booked.</source>
        <translation>Возвращено в записанные.</translation>
    </message>
    <message>
        <source>The visit was cancelled.</source>
        <translation>Запись отменена.</translation>
    </message>
    <message>
        <source>Today&apos;s schedule is not read yet: press F4, then try again.</source>
        <translation>Расписание на сегодня ещё не прочитано: нажмите F4 и повторите.</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Без записи</translation>
    </message>
    <message>
        <source>The next free time today, for %1:</source>
        <translation>Ближайшее свободное время сегодня для пациента %1:</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Medcard</source>
        <translation>Добро пожаловать в Медкарту</translation>
    </message>
    <message>
        <source>Your medical card from the clinics&apos; portal, kept encrypted on this computer so it opens instantly and works without the Internet. Sign in with your portal account; the portal&apos;s own page opens in your browser.</source>
        <translation>Ваша медицинская карта с портала поликлиник хранится на этом компьютере в зашифрованном виде, поэтому открывается мгновенно и работает без интернета. Войдите с учётной записью портала — страница входа портала откроется в браузере.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Войти…</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Открыть демо</translation>
    </message>
    <message>
        <source>Sign in with Gosuslugi</source>
        <translation>Войти через Госуслуги</translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation>Вернуться к медкарте</translation>
    </message>
    <message>
        <source>Reception desk…</source>
        <translation>Регистратура…</translation>
    </message>
    <message>
        <source>For clinic staff: find patients, book and print; nothing is kept here</source>
        <translation>Для сотрудников поликлиники: поиск пациентов, запись и печать; на компьютере ничего не остаётся</translation>
    </message>
</context>
<context>
    <name>labs</name>
    <message>
        <source>Rising since the previous value</source>
        <translation>Выше, чем в прошлый раз</translation>
    </message>
    <message>
        <source>Falling since the previous value</source>
        <translation>Ниже, чем в прошлый раз</translation>
    </message>
    <message>
        <source>Same as the previous value</source>
        <translation>Как в прошлый раз</translation>
    </message>
    <message>
        <source>Above the reference range</source>
        <translation>Выше референсного интервала</translation>
    </message>
    <message>
        <source>Below the reference range</source>
        <translation>Ниже референсного интервала</translation>
    </message>
    <message>
        <source>Within the reference range</source>
        <translation>В пределах референсного интервала</translation>
    </message>
    <message>
        <source>Blood chemistry</source>
        <translation>Биохимия крови</translation>
    </message>
    <message>
        <source>Blood count</source>
        <translation>Общий анализ крови</translation>
    </message>
    <message>
        <source>Urine</source>
        <translation>Анализы мочи</translation>
    </message>
    <message>
        <source>Hormones</source>
        <translation>Гормоны</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Показатели жизнедеятельности</translation>
    </message>
    <message>
        <source>Health diary</source>
        <translation>Дневник здоровья</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Последнее</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Тренд</translation>
    </message>
    <message>
        <source>The latest value; ▲ above, ▼ below its range</source>
        <translation>Последнее значение; ▲ выше, ▼ ниже референсного интервала</translation>
    </message>
    <message>
        <source>Date of the latest value</source>
        <translation>Дата последнего значения</translation>
    </message>
    <message>
        <source>Change since the previous value: ↗ ↘ →</source>
        <translation>Изменение с прошлого раза: ↗ ↘ →</translation>
    </message>
    <message>
        <source>Out of the reference range</source>
        <translation>Вне референсного интервала</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Измерение</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Не принято порталом</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>This portal does not accept diary entries: your entries are shown, but new ones cannot be saved to it.</source>
        <translation>Этот портал не принимает записи дневника: ваши записи показаны, но новые сохранить на нём нельзя.</translation>
    </message>
    <message>
        <source>converted from {units}</source>
        <translation>пересчитано из {units}</translation>
    </message>
    <message>
        <source>Reported as {value} {unit}</source>
        <translation>В бланке: {value} {unit}</translation>
    </message>
    <message>
        <source>Self-measured</source>
        <translation>Измерено самостоятельно</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>не отправлено</translation>
    </message>
</context>
<context>
    <name>medcard</name>
    <message>
        <source>Visits</source>
        <translation>Приёмы</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Анализы</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Исследования</translation>
    </message>
    <message>
        <source>Discharge summaries</source>
        <translation>Выписные эпикризы</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>Рецепты</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Прививки</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Диагнозы</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Процедуры</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Аллергии</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>COVID-19 tests</source>
        <translation>Тесты на COVID-19</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>Doctor assigned</source>
        <translation>Врач назначен</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Запланирован</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Состоялся</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Неявка</translation>
    </message>
    <message>
        <source>Video consultation</source>
        <translation>Видеоконсультация</translation>
    </message>
    <message>
        <source>Doctor at home</source>
        <translation>Врач на дом</translation>
    </message>
    <message>
        <source>Visit to the clinic</source>
        <translation>Приём в поликлинике</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>Time not set yet</source>
        <translation>Время ещё не назначено</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Медучреждение</translation>
    </message>
    <message>
        <source>Out of reference range</source>
        <translation>Вне референсного диапазона</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again; your data is safe.</source>
        <translation>Что-то пошло не так. Попробуйте ещё раз; ваши данные в сохранности.</translation>
    </message>
    <message>
        <source>There is no such account in this profile.</source>
        <translation>В этом профиле нет такой учётной записи.</translation>
    </message>
    <message>
        <source>No single account matches; run &apos;medcard accounts&apos; to see them.</source>
        <translation>Подходит не одна учётная запись; список покажет &apos;medcard accounts&apos;.</translation>
    </message>
    <message>
        <source>The account&apos;s saved data could not be deleted. Close other Medcard windows and try again.</source>
        <translation>Не удалось удалить сохранённые данные учётной записи. Закройте другие окна Медкарты и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This portal does not support secure sign-in for desktop apps.</source>
        <translation>Этот портал не поддерживает безопасный вход для настольных приложений.</translation>
    </message>
    <message>
        <source>Sign-in was not completed in time. Please try again.</source>
        <translation>Вход не был завершён вовремя. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Could not open a web browser for signing in.</source>
        <translation>Не удалось открыть браузер для входа.</translation>
    </message>
    <message>
        <source>This time has just been taken by someone else. Please choose another.</source>
        <translation>Это время только что занял кто-то другой. Выберите другое.</translation>
    </message>
    <message>
        <source>This appointment can no longer be cancelled.</source>
        <translation>Эту запись уже нельзя отменить.</translation>
    </message>
    <message>
        <source>The local copy of the medical card cannot be opened.</source>
        <translation>Не удаётся открыть сохранённую копию медкарты.</translation>
    </message>
    <message>
        <source>The local copy of the medical card is locked with another key. Sign in again to download the card anew.</source>
        <translation>Сохранённая копия медкарты зашифрована другим ключом. Войдите снова, чтобы загрузить медкарту заново.</translation>
    </message>
    <message>
        <source>The local copy of the medical card is busy in another window.</source>
        <translation>Сохранённая копия медкарты занята в другом окне.</translation>
    </message>
    <message>
        <source>The local copy of the medical card cannot be saved: the disk is full or read-only.</source>
        <translation>Не удаётся сохранить копию медкарты: диск заполнен или защищён от записи.</translation>
    </message>
    <message>
        <source>Opening the browser to sign in…</source>
        <translation>Открываем браузер для входа…</translation>
    </message>
    <message>
        <source>No accounts to sign out of.</source>
        <translation>Нет учётных записей для выхода.</translation>
    </message>
    <message>
        <source>The portal could not be told; the sign-in was still removed here.</source>
        <translation>Не удалось сообщить порталу; вход на этом компьютере всё равно удалён.</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Выполнен вход: {name}.</translation>
    </message>
    <message>
        <source>No accounts. Sign in with: medcard sign-in --portal URL</source>
        <translation>Учётных записей нет. Войдите командой: medcard sign-in --portal URL</translation>
    </message>
    <message>
        <source>Signed out of {name}; its data was deleted.</source>
        <translation>Выполнен выход из {name}; данные удалены.</translation>
    </message>
    <message>
        <source>Use --secret-store encrypted-file to keep the sign-in in an encrypted file.</source>
        <translation>Используйте --secret-store encrypted-file, чтобы хранить вход в зашифрованном файле.</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Артериальное давление</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Пульс</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Глюкоза крови</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Body temperature</source>
        <translation>Температура тела</translation>
    </message>
    <message>
        <source>Oxygen saturation (SpO2)</source>
        <translation>Сатурация (SpO2)</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>Систолическое давление</translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation>мм рт. ст.</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>Диастолическое давление</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>уд/мин</translation>
    </message>
    <message>
        <source>mmol/L</source>
        <translation>ммоль/л</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <source>The measurement time has no time zone.</source>
        <translation>У времени измерения не указан часовой пояс.</translation>
    </message>
    <message>
        <source>The note is too long (at most 1000 characters).</source>
        <translation>Заметка слишком длинная (не более 1000 символов).</translation>
    </message>
    <message>
        <source>The measurement time is in the future.</source>
        <translation>Время измерения ещё не наступило.</translation>
    </message>
    <message>
        <source>Enter the value: {name}.</source>
        <translation>Введите значение: {name}.</translation>
    </message>
    <message>
        <source>{name}: not a number.</source>
        <translation>{name}: это не число.</translation>
    </message>
    <message>
        <source>{name} of {value} {unit} is not plausible: expected {low}–{high} {unit}.</source>
        <translation>{name} {value} {unit} — неправдоподобное значение (ожидается {low}–{high} {unit})</translation>
    </message>
    <message>
        <source>Diastolic pressure must be lower than systolic pressure.</source>
        <translation>Диастолическое давление должно быть ниже систолического.</translation>
    </message>
    <message>
        <source>The measurement date is too far in the past.</source>
        <translation>Дата измерения слишком давняя.</translation>
    </message>
    <message>
        <source>The file is too large (more than {size} MB).</source>
        <translation>Файл слишком большой (более {size} МБ).</translation>
    </message>
    <message>
        <source>commands (no window; see medcard COMMAND --help):
  sign-in --portal URL   sign in at a patient portal in the browser
  sync [--json]          download what is new for every account
  accounts [--json]      list the accounts of this computer
  sign-out [ACCOUNT]     sign out and delete that account&apos;s data here

options of the commands:
  --profile DIR          profile folder (default: per user, or MEDCARD_PROFILE)
  --secret-store keyring|encrypted-file
                         where the sign-in is kept; encrypted-file asks for a master
                         password (or reads MEDCARD_MASTER_PASSWORD)</source>
        <translation>команды (без окна; подробнее: medcard КОМАНДА --help):
  sign-in --portal URL   войти на портал пациента через браузер
  sync [--json]          загрузить новое для всех учётных записей
  accounts [--json]      показать учётные записи на этом компьютере
  sign-out [ACCOUNT]     выйти и удалить данные этой учётной записи здесь

параметры команд:
  --profile DIR          папка профиля (по умолчанию своя у каждого пользователя,
                         или MEDCARD_PROFILE)
  --secret-store keyring|encrypted-file
                         где хранить вход; encrypted-file спрашивает мастер-пароль
                         (или берёт его из MEDCARD_MASTER_PASSWORD)</translation>
    </message>
    <message>
        <source>Medcard: your electronic medical card on the desktop.</source>
        <translation>Медкарта: ваша электронная медицинская карта на компьютере.</translation>
    </message>
    <message>
        <source>run against the built-in demo portal</source>
        <translation>работать со встроенным демо-порталом</translation>
    </message>
    <message>
        <source>profile folder (default: per user)</source>
        <translation>папка профиля (по умолчанию своя у каждого пользователя)</translation>
    </message>
    <message>
        <source>interface language</source>
        <translation>язык интерфейса</translation>
    </message>
    <message>
        <source>save a PNG of the window and exit</source>
        <translation>сохранить снимок окна в PNG и выйти</translation>
    </message>
    <message>
        <source>the registry desk: staff find patients, book and print</source>
        <translation>регистратура: сотрудники находят пациентов, записывают и печатают</translation>
    </message>
    <message>
        <source>window size</source>
        <translation>размер окна</translation>
    </message>
    <message>
        <source>--size wants WxH, e.g. 1280x800, not {text}</source>
        <translation>--size ожидает ШxВ, например 1280x800, а не {text}</translation>
    </message>
    <message>
        <source>--size is out of range</source>
        <translation>--size вне допустимых пределов</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Рост</translation>
    </message>
    <message>
        <source>Body mass index</source>
        <translation>Индекс массы тела</translation>
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation>Амбулаторный приём</translation>
    </message>
    <message>
        <source>Emergency care</source>
        <translation>Неотложная помощь</translation>
    </message>
    <message>
        <source>Inpatient stay</source>
        <translation>Стационар</translation>
    </message>
    <message>
        <source>Short stay</source>
        <translation>Дневной стационар</translation>
    </message>
    <message>
        <source>Observation stay</source>
        <translation>Наблюдение в стационаре</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Визит на дом</translation>
    </message>
    <message>
        <source>Pre-admission visit</source>
        <translation>Приём перед госпитализацией</translation>
    </message>
    <message>
        <source>Kind of care</source>
        <translation>Вид помощи</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина обращения</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Medcard command line</source>
        <translation>Медкарта: командная строка</translation>
    </message>
    <message>
        <source>where tokens are kept; encrypted-file asks for a master password (or reads MEDCARD_MASTER_PASSWORD) and is remembered in the profile</source>
        <translation>где хранить вход; encrypted-file спрашивает мастер-пароль (или берёт его из MEDCARD_MASTER_PASSWORD), выбор запоминается в профиле</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>команды</translation>
    </message>
    <message>
        <source>sign in at a portal</source>
        <translation>войти на портал</translation>
    </message>
    <message>
        <source>FHIR base URL</source>
        <translation>базовый адрес FHIR</translation>
    </message>
    <message>
        <source>seconds to wait</source>
        <translation>сколько секунд ждать</translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation>показать учётные записи</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>вывести JSON</translation>
    </message>
    <message>
        <source>sign out, delete the account&apos;s data</source>
        <translation>выйти и удалить данные учётной записи</translation>
    </message>
    <message>
        <source>id, name or patient (default: the current one)</source>
        <translation>id, имя или пациент (по умолчанию текущая)</translation>
    </message>
    <message>
        <source>sync every account of the profile</source>
        <translation>синхронизировать все учётные записи профиля</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>вывести один объект JSON</translation>
    </message>
    <message>
        <source>only this account</source>
        <translation>только эту учётную запись</translation>
    </message>
    <message>
        <source>current</source>
        <translation>текущая</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>нужно войти заново</translation>
    </message>
    <message>
        <source>the following arguments are required: {x}</source>
        <translation>нужно указать: {x}</translation>
    </message>
    <message>
        <source>argument {a}: invalid choice: {x} (choose from {c})</source>
        <translation>аргумент {a}: {x} — не из списка {c}</translation>
    </message>
    <message>
        <source>argument {a}: expected one argument</source>
        <translation>аргументу {a} нужно значение</translation>
    </message>
    <message>
        <source>unrecognized arguments: {x}</source>
        <translation>неизвестные аргументы: {x}</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>позиционные аргументы</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>использование: </translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}: ошибка: {message}</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <source>A clinic can be chosen at most once a year; after a change of residence it can be changed at any time.</source>
        <translation>Поликлинику по выбору можно менять не чаще раза в год; при смене места жительства — в любое время.</translation>
    </message>
    <message>
        <source>This clinic is not taking new patients. Please choose another one.</source>
        <translation>Эта поликлиника не принимает новых пациентов. Выберите другую.</translation>
    </message>
    <message>
        <source>This clinic does not serve patients of this age: adults and children have separate polyclinics.</source>
        <translation>Эта поликлиника не обслуживает пациентов такого возраста: у взрослых и детей разные поликлиники.</translation>
    </message>
    <message>
        <source>The person is already attached to this clinic.</source>
        <translation>Человек уже прикреплён к этой поликлинике.</translation>
    </message>
    <message>
        <source>An application is already in review. Wait for its answer or withdraw it first.</source>
        <translation>Заявление уже на рассмотрении. Дождитесь ответа или сначала отзовите его.</translation>
    </message>
    <message>
        <source>In review at the chosen clinic; it usually answers within a few days.</source>
        <translation>На рассмотрении в выбранной поликлинике; обычно она отвечает за несколько дней.</translation>
    </message>
    <message>
        <source>Accepted: the person is attached to the new clinic.</source>
        <translation>Одобрено: человек прикреплён к новой поликлинике.</translation>
    </message>
    <message>
        <source>The chosen clinic refused the application.</source>
        <translation>Выбранная поликлиника отклонила заявление.</translation>
    </message>
    <message>
        <source>You withdrew this application.</source>
        <translation>Вы отозвали это заявление.</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>OMS insurance policy</source>
        <translation>Полис ОМС</translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <source>The child&apos;s birth certificate (a passport from the age of 14)</source>
        <translation>Свидетельство о рождении ребёнка (с 14 лет — паспорт)</translation>
    </message>
    <message>
        <source>The child&apos;s OMS insurance policy</source>
        <translation>Полис ОМС ребёнка</translation>
    </message>
    <message>
        <source>The child&apos;s SNILS</source>
        <translation>СНИЛС ребёнка</translation>
    </message>
    <message>
        <source>The parent&apos;s passport</source>
        <translation>Паспорт родителя</translation>
    </message>
    <message>
        <source>Choose for whom the application is.</source>
        <translation>Выберите, для кого заявление.</translation>
    </message>
    <message>
        <source>Choose the new clinic in the list.</source>
        <translation>Выберите новую поликлинику в списке.</translation>
    </message>
    <message>
        <source>Choose the reason for the change.</source>
        <translation>Выберите причину смены.</translation>
    </message>
    <message>
        <source>Enter the new address: street, house and flat.</source>
        <translation>Укажите новый адрес: улицу, дом и квартиру.</translation>
    </message>
    <message>
        <source>New-form policy</source>
        <translation>Полис единого образца</translation>
    </message>
    <message>
        <source>Old-form policy</source>
        <translation>Полис старого образца</translation>
    </message>
    <message>
        <source>Temporary certificate</source>
        <translation>Временное свидетельство</translation>
    </message>
    <message>
        <source>New-form policy, paper</source>
        <translation>Полис единого образца, бумажный</translation>
    </message>
    <message>
        <source>New-form policy, plastic card</source>
        <translation>Полис единого образца, пластиковая карта</translation>
    </message>
    <message>
        <source>New-form policy, electronic</source>
        <translation>Полис единого образца, электронный</translation>
    </message>
    <message>
        <source>Reported to the insurer: under review</source>
        <translation>Обращение в страховую компанию: на рассмотрении</translation>
    </message>
    <message>
        <source>Insurer confirmed: the service was not provided</source>
        <translation>Страховая компания подтвердила: услуга не оказывалась</translation>
    </message>
    <message>
        <source>Insurer did not confirm: the clinic&apos;s records show the service</source>
        <translation>Страховая компания не подтвердила: по данным медучреждения услуга оказана</translation>
    </message>
    <message>
        <source>Not accepted: this service is already being reviewed</source>
        <translation>Не принято: по этой услуге уже есть обращение на рассмотрении</translation>
    </message>
    <message>
        <source>The document arrived damaged. Try printing it again.</source>
        <translation>Документ пришёл повреждённым. Попробуйте напечатать ещё раз.</translation>
    </message>
    <message>
        <source>No OMS policy on file: free booking will be refused.</source>
        <translation>Полиса ОМС нет: бесплатная запись будет отклонена.</translation>
    </message>
    <message>
        <source>The OMS policy is not valid today: free booking will be refused.</source>
        <translation>Полис ОМС сегодня недействителен: бесплатная запись будет отклонена.</translation>
    </message>
    <message>
        <source>The temporary OMS certificate ends soon: ask for the policy.</source>
        <translation>Временное свидетельство ОМС скоро закончится: спросите полис.</translation>
    </message>
    <message>
        <source>Attached to another clinic: free visits there, not here.</source>
        <translation>Прикреплён к другой поликлинике: бесплатный приём там, а не здесь.</translation>
    </message>
    <message>
        <source>Not attached to any clinic.</source>
        <translation>Не прикреплён ни к одной поликлинике.</translation>
    </message>
    <message>
        <source>This account is not a registry account. Sign in with the account of a registry staff member.</source>
        <translation>Это не учётная запись регистратуры. Войдите под учётной записью сотрудника регистратуры.</translation>
    </message>
    <message>
        <source>This visit was changed meanwhile (by the patient or another desk). The page now shows it as it is.</source>
        <translation>Запись тем временем изменилась (пациентом или в другом окне). Сейчас показано, как она есть.</translation>
    </message>
    <message>
        <source>No free time of this specialty is left today.</source>
        <translation>Сегодня свободного времени по этой специальности не осталось.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The first line must name the columns: date, time and at least one measurement (systolic, diastolic, pulse, glucose, weight, temperature, spo2).</source>
        <translation>В первой строке должны быть названия столбцов: date (дата), time (время) и хотя бы одно измерение (systolic, diastolic, pulse, glucose, weight, temperature, spo2).</translation>
    </message>
    <message>
        <source>Date or time not understood: “{text}” (expected 2026-11-25 or 25.11.2026 and 08:30).</source>
        <translation>Не удалось распознать дату или время: «{text}» (ожидается 2026-11-25 или 25.11.2026 и 08:30).</translation>
    </message>
    <message>
        <source>The line has no measurement.</source>
        <translation>В строке нет ни одного измерения.</translation>
    </message>
    <message>
        <source>The file is not a text CSV file (unknown encoding).</source>
        <translation>Это не текстовый файл CSV (неизвестная кодировка).</translation>
    </message>
    <message>
        <source>The line cannot be read as CSV: {reason}</source>
        <translation>Строку не удаётся прочитать как CSV: {reason}</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>«{text}» — не число.</translation>
    </message>
    <message>
        <source>Only the first {rows} lines are imported.</source>
        <translation>Импортируются только первые {rows} строк.</translation>
    </message>
    <message>
        <source>Only your own diary entries can be changed or deleted.</source>
        <translation>Изменять и удалять можно только собственные записи дневника.</translation>
    </message>
    <message>
        <source>The portal cannot be reached. Entries already sent can be changed or deleted only when the portal is available; new entries are kept and sent later.</source>
        <translation>Портал недоступен. Отправленные записи можно изменить или удалить, только когда портал доступен; новые записи сохраняются и будут отправлены позже.</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Warning: the document was changed after it was signed.</source>
        <translation>Внимание: документ изменён после подписания.</translation>
    </message>
    <message>
        <source>Warning: the electronic signature is damaged and does not hold.</source>
        <translation>Внимание: электронная подпись повреждена и недействительна.</translation>
    </message>
    <message>
        <source>Warning: the signature is not from a certificate the portal&apos;s certification authority issued.</source>
        <translation>Внимание: подпись сделана сертификатом, который не выдавал удостоверяющий центр портала.</translation>
    </message>
    <message>
        <source>This document has no electronic signature.</source>
        <translation>У документа нет электронной подписи.</translation>
    </message>
    <message>
        <source>The signature could not be checked yet (connect to the portal once).</source>
        <translation>Подпись пока не проверена (нужно один раз подключиться к порталу).</translation>
    </message>
    <message>
        <source>Warning: the downloaded file does not match the document&apos;s checksum: it is not the file the clinic described.</source>
        <translation>Внимание: загруженный файл не совпадает с контрольной суммой документа — это не тот файл, который выдало медучреждение.</translation>
    </message>
    <message>
        <source>Warning: the downloaded file has a different size than the document says.</source>
        <translation>Внимание: размер загруженного файла не совпадает с указанным в документе.</translation>
    </message>
    <message>
        <source>The portal at this address cannot be reached. Check the address and the Internet connection, and try again.</source>
        <translation>Портал по этому адресу недоступен. Проверьте адрес и подключение к интернету и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Что-то пошло не так.</translation>
    </message>
    <message>
        <source>The portal cannot be reached. Check the Internet connection and try again; the saved card remains available.</source>
        <translation>Портал недоступен. Проверьте подключение к интернету и попробуйте ещё раз; сохранённая медкарта остаётся доступной.</translation>
    </message>
    <message>
        <source>The session has ended. Please sign in again.</source>
        <translation>Сеанс завершён. Войдите снова.</translation>
    </message>
    <message>
        <source>The portal denied access.</source>
        <translation>Портал отказал в доступе.</translation>
    </message>
    <message>
        <source>The portal has no such record.</source>
        <translation>На портале нет такой записи.</translation>
    </message>
    <message>
        <source>The portal sent an answer that could not be understood. Try again later.</source>
        <translation>Портал прислал непонятный ответ. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The portal is having problems. Try again later.</source>
        <translation>На портале неполадки. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The portal does not support this operation.</source>
        <translation>Портал не поддерживает эту операцию.</translation>
    </message>
    <message>
        <source>The record was changed meanwhile. Refresh and try again.</source>
        <translation>Запись за это время изменилась. Обновите и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The portal did not accept the request.</source>
        <translation>Портал не принял запрос.</translation>
    </message>
    <message>
        <source>No working system keyring was found to keep the sign-in safely. You can store it in an encrypted file protected by a master password instead.</source>
        <translation>Не найдено работающее системное хранилище паролей для безопасного хранения входа. Вместо него можно использовать зашифрованный файл с мастер-паролем.</translation>
    </message>
    <message>
        <source>The master password is wrong.</source>
        <translation>Неверный мастер-пароль.</translation>
    </message>
    <message>
        <source>Sign-in did not succeed. Please try again.</source>
        <translation>Войти не удалось. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Вход отменён.</translation>
    </message>
    <message>
        <source>This is not a valid portal address. It should look like https://portal.example/fhir</source>
        <translation>Это не адрес портала. Он должен выглядеть так: https://portal.example/fhir</translation>
    </message>
    <message>
        <source>The portal&apos;s security certificate could not be verified, so Medcard did not connect.</source>
        <translation>Не удалось проверить сертификат безопасности портала, поэтому Медкарта не подключилась.</translation>
    </message>
    <message>
        <source>The portal is busy. Try again in a few minutes.</source>
        <translation>Портал перегружен. Попробуйте снова через несколько минут.</translation>
    </message>
    <message>
        <source>The portal is answering too slowly, so Medcard stopped waiting. Try again later; the saved card remains available.</source>
        <translation>Портал отвечает слишком медленно, и Medcard перестал ждать. Попробуйте позже; сохранённая карта остаётся доступной.</translation>
    </message>
    <message>
        <source>The portal sent more data in one answer than Medcard accepts, so it was not read. Try again later.</source>
        <translation>Портал прислал в одном ответе больше данных, чем принимает Medcard, поэтому ответ не прочитан. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The portal kept sending pages without end, so Medcard stopped reading them. Try again later.</source>
        <translation>Портал присылал страницы без конца, и Medcard перестал их читать. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The portal tried to send Medcard to another address. Medcard did not follow it and sent nothing there.</source>
        <translation>Портал пытался перенаправить Medcard на другой адрес. Medcard не перешёл туда и ничего туда не отправил.</translation>
    </message>
    <message>
        <source>This portal&apos;s sign-in address is not protected by https, so Medcard did not use it.</source>
        <translation>Адрес входа этого портала не защищён https, поэтому Medcard им не воспользовался.</translation>
    </message>
    <message>
        <source>Another Medcard is syncing these cards right now. Try again when it has finished.</source>
        <translation>Сейчас эти карты синхронизирует другой экземпляр Medcard. Повторите, когда он закончит.</translation>
    </message>
    <message>
        <source>The portal did not book the visit: there is no valid OMS insurance policy. Apply for one at the insurance company or an МФЦ (with a passport), then book again; the policy is on the My clinic tab.</source>
        <translation>Портал не записал на приём: нет действующего полиса ОМС. Оформите полис в страховой компании или МФЦ (с паспортом) и запишитесь снова; сведения о полисе — на вкладке «Моя поликлиника».</translation>
    </message>
    <message>
        <source>The portal cannot open your card yet: your identity (SNILS) is not verified. Confirm your account at an МФЦ (take your passport and SNILS) or on Gosuslugi, then sign in again.</source>
        <translation>Портал пока не может открыть вашу карту: личность (СНИЛС) не подтверждена. Подтвердите учётную запись в МФЦ (возьмите паспорт и СНИЛС) или на Госуслугах, затем войдите снова.</translation>
    </message>
    <message>
        <source>This portal does not offer the service in your region. Sign in at your region&apos;s own portal (choose it on the welcome screen), or ask your clinic&apos;s registry how to get your records.</source>
        <translation>Этот портал не предоставляет услугу в вашем регионе. Войдите через портал своего региона (выберите его на начальном экране) или спросите в регистратуре своей поликлиники, как получить свои медицинские записи.</translation>
    </message>
    <message>
        <source>There is no FHIR server at this address. Check it: a portal&apos;s FHIR address usually ends in /fhir, and the portal&apos;s help pages name it.</source>
        <translation>По этому адресу нет FHIR-сервера. Проверьте адрес: FHIR-адрес портала обычно оканчивается на /fhir, его указывают в справке портала.</translation>
    </message>
    <message>
        <source>This FHIR server does not offer SMART sign-in, so Medcard cannot sign in to it. Ask the portal&apos;s support for the address of its patient access.</source>
        <translation>Этот FHIR-сервер не поддерживает вход SMART, поэтому Медкарта не может к нему подключиться. Узнайте в поддержке портала адрес доступа для пациентов.</translation>
    </message>
    <message>
        <source>The portal is busy. Try again in {minutes} min.</source>
        <translation>Портал перегружен. Попробуйте снова через {minutes} мин.</translation>
    </message>
    <message>
        <source>Bring to the clinic: your passport, the child&apos;s insurance policy and the child&apos;s birth certificate.</source>
        <translation>Возьмите в поликлинику: ваш паспорт, полис ОМС ребёнка и свидетельство о рождении ребёнка.</translation>
    </message>
    <message>
        <source>A check takes up to 5 days.</source>
        <translation>Проверка занимает до 5 дней.</translation>
    </message>
    <message>
        <source>From the age of 15 a person holds their own access to their medical card.</source>
        <translation>С 15 лет человек сам распоряжается доступом к своей медкарте.</translation>
    </message>
    <message>
        <source>Guardians and trustees cannot get online access to a child&apos;s card.</source>
        <translation>Опекуны и попечители не могут получить онлайн-доступ к медкарте ребёнка.</translation>
    </message>
    <message>
        <source>You already have access to this child&apos;s card.</source>
        <translation>У вас уже есть доступ к медкарте этого ребёнка.</translation>
    </message>
    <message>
        <source>Your parental rights need to be checked in person at the clinic.</source>
        <translation>Родительские права нужно подтвердить лично в поликлинике.</translation>
    </message>
    <message>
        <source>The clinic could not confirm your parental rights.</source>
        <translation>Поликлиника не смогла подтвердить ваши родительские права.</translation>
    </message>
    <message>
        <source>You withdrew this request.</source>
        <translation>Вы отозвали эту заявку.</translation>
    </message>
    <message>
        <source>The child has turned 15 and now holds their own access.</source>
        <translation>Ребёнку исполнилось 15 лет, теперь он сам распоряжается доступом.</translation>
    </message>
    <message>
        <source>You gave up access to this child&apos;s card.</source>
        <translation>Вы отказались от доступа к медкарте этого ребёнка.</translation>
    </message>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>Исправьте выделенные поля.</translation>
    </message>
    <message>
        <source>The portal did not accept the e-mail or the password. Check them and sign in again.</source>
        <translation>Портал не принял адрес почты или пароль. Проверьте их и войдите снова.</translation>
    </message>
    <message>
        <source>tab for --screenshot (or welcome: the welcome screen)</source>
        <translation>вкладка для --screenshot (или welcome: начальный экран)</translation>
    </message>
    <message>
        <source>New form (16 digits)</source>
        <translation>Единого образца (16 цифр)</translation>
    </message>
    <message>
        <source>Old form (series and number)</source>
        <translation>Старого образца (серия и номер)</translation>
    </message>
    <message>
        <source>Temporary certificate (9 digits)</source>
        <translation>Временное свидетельство (9 цифр)</translation>
    </message>
    <message>
        <source>16 digits</source>
        <translation>16 цифр</translation>
    </message>
    <message>
        <source>series and number, e.g. 4512 1234567890</source>
        <translation>серия и номер, например 4512 1234567890</translation>
    </message>
    <message>
        <source>9 digits</source>
        <translation>9 цифр</translation>
    </message>
    <message>
        <source>Choose the kind of policy.</source>
        <translation>Выберите вид полиса.</translation>
    </message>
    <message>
        <source>Enter the insurance policy number.</source>
        <translation>Введите номер полиса ОМС.</translation>
    </message>
    <message>
        <source>A new-form policy number has 16 digits.</source>
        <translation>Номер полиса единого образца состоит из 16 цифр.</translation>
    </message>
    <message>
        <source>This policy number has a typing error: check the digits.</source>
        <translation>В номере полиса опечатка: проверьте цифры.</translation>
    </message>
    <message>
        <source>An old-form policy has a series and a number, e.g. 4512 1234567890.</source>
        <translation>У полиса старого образца есть серия и номер, например 4512 1234567890.</translation>
    </message>
    <message>
        <source>A temporary certificate number has 9 digits.</source>
        <translation>Номер временного свидетельства состоит из 9 цифр.</translation>
    </message>
    <message>
        <source>Medcard cannot write to {path}: {reason}. Make the folder writable, or choose another profile folder with --profile DIR (or MEDCARD_PROFILE).</source>
        <translation>Медкарта не может записывать в {path}: {reason}. Разрешите запись в эту папку или выберите другую папку профиля: --profile DIR (или MEDCARD_PROFILE).</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>нет прав на запись</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск доступен только для чтения</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>квота на диске исчерпана</translation>
    </message>
    <message>
        <source>µmol/L</source>
        <translation>мкмоль/л</translation>
    </message>
    <message>
        <source>mg/dL</source>
        <translation>мг/дл</translation>
    </message>
    <message>
        <source>mg/L</source>
        <translation>мг/л</translation>
    </message>
    <message>
        <source>g/L</source>
        <translation>г/л</translation>
    </message>
    <message>
        <source>g/dL</source>
        <translation>г/дл</translation>
    </message>
    <message>
        <source>U/L</source>
        <translation>Ед/л</translation>
    </message>
    <message>
        <source>IU/L</source>
        <translation>МЕ/л</translation>
    </message>
    <message>
        <source>mIU/L</source>
        <translation>мМЕ/л</translation>
    </message>
    <message>
        <source>µIU/mL</source>
        <translation>мкМЕ/мл</translation>
    </message>
    <message>
        <source>ng/L</source>
        <translation>нг/л</translation>
    </message>
    <message>
        <source>ng/mL</source>
        <translation>нг/мл</translation>
    </message>
    <message>
        <source>pg/mL</source>
        <translation>пг/мл</translation>
    </message>
    <message>
        <source>pmol/L</source>
        <translation>пмоль/л</translation>
    </message>
    <message>
        <source>nmol/L</source>
        <translation>нмоль/л</translation>
    </message>
    <message>
        <source>×10⁹/L</source>
        <translation>×10⁹/л</translation>
    </message>
    <message>
        <source>×10¹²/L</source>
        <translation>×10¹²/л</translation>
    </message>
    <message>
        <source>mm/h</source>
        <translation>мм/ч</translation>
    </message>
    <message>
        <source>kg/m²</source>
        <translation>кг/м²</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>см</translation>
    </message>
    <message>
        <source>mL/min/1.73 m²</source>
        <translation>мл/мин/1,73 м²</translation>
    </message>
    <message>
        <source>Type the date and the time of the measurement, as in {example}.</source>
        <translation>Укажите дату и время измерения, например {example}.</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Родитель</translation>
    </message>
    <message>
        <source>Adoptive parent</source>
        <translation>Усыновитель</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Опекун</translation>
    </message>
    <message>
        <source>Trustee</source>
        <translation>Попечитель</translation>
    </message>
    <message>
        <source>Enter the child&apos;s full name.</source>
        <translation>Введите ФИО ребёнка.</translation>
    </message>
    <message>
        <source>Enter the surname and the given name (and patronymic, if any).</source>
        <translation>Введите фамилию и имя (и отчество, если есть).</translation>
    </message>
    <message>
        <source>The name may contain only letters, spaces, hyphens and apostrophes.</source>
        <translation>В имени допустимы только буквы, пробелы, дефисы и апострофы.</translation>
    </message>
    <message>
        <source>Enter the child&apos;s birth date.</source>
        <translation>Введите дату рождения ребёнка.</translation>
    </message>
    <message>
        <source>The birth date cannot be in the future.</source>
        <translation>Дата рождения не может быть в будущем.</translation>
    </message>
    <message>
        <source>Check the birth date: it is too far in the past.</source>
        <translation>Проверьте дату рождения: она слишком давняя.</translation>
    </message>
    <message>
        <source>Enter the birth certificate series.</source>
        <translation>Введите серию свидетельства о рождении.</translation>
    </message>
    <message>
        <source>The series is a Roman numeral and two Cyrillic letters, for example IV-МЮ.</source>
        <translation>Серия — римское число и две русские буквы, например IV-МЮ.</translation>
    </message>
    <message>
        <source>Enter the date the birth certificate was issued.</source>
        <translation>Введите дату выдачи свидетельства о рождении.</translation>
    </message>
    <message>
        <source>The issue date cannot be in the future.</source>
        <translation>Дата выдачи не может быть в будущем.</translation>
    </message>
    <message>
        <source>The certificate cannot be issued before the child was born.</source>
        <translation>Свидетельство не может быть выдано до рождения ребёнка.</translation>
    </message>
    <message>
        <source>Enter the child&apos;s insurance policy number.</source>
        <translation>Введите номер полиса ОМС ребёнка.</translation>
    </message>
    <message>
        <source>Enter the birth certificate number.</source>
        <translation>Введите номер свидетельства о рождении.</translation>
    </message>
    <message>
        <source>Enter where the certificate was issued (the registry office and town).</source>
        <translation>Введите, где выдано свидетельство (отдел ЗАГС и город).</translation>
    </message>
    <message>
        <source>Choose who you are to the child.</source>
        <translation>Укажите, кем вы приходитесь ребёнку.</translation>
    </message>
    <message>
        <source>The birth certificate number has 6 digits.</source>
        <translation>Номер свидетельства о рождении состоит из 6 цифр.</translation>
    </message>
    <message>
        <source>The place of issue is too long.</source>
        <translation>Слишком длинное место выдачи.</translation>
    </message>
    <message>
        <source>A portal address must not contain a user name or password. Enter the address only; you sign in on the portal&apos;s own page.</source>
        <translation>Адрес портала не должен содержать имя пользователя или пароль. Введите только адрес: вход выполняется на странице самого портала.</translation>
    </message>
    <message>
        <source>Enter a master password.</source>
        <translation>Введите мастер-пароль.</translation>
    </message>
    <message>
        <source>The encrypted secrets file is in use by another Medcard.</source>
        <translation>Зашифрованный файл с ключами занят другим экземпляром Medcard.</translation>
    </message>
    <message>
        <source>The encrypted secrets file is damaged or unreadable.</source>
        <translation>Зашифрованный файл с секретами повреждён или не читается.</translation>
    </message>
    <message>
        <source>{name}: {n} resources received.</source>
        <translation>{name}: получено ресурсов: {n}.</translation>
    </message>
    <message>
        <source>{name}: some records could not be read and were skipped ({n}).</source>
        <translation>{name}: некоторые записи не удалось прочитать, они пропущены ({n}).</translation>
    </message>
    <message>
        <source>above range</source>
        <translation>выше нормы</translation>
    </message>
    <message>
        <source>below range</source>
        <translation>ниже нормы</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>вне нормы</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Референсный диапазон</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation>МКБ-10</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Дозировка</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation>Файл не сохранён</translation>
    </message>
    <message>
        <source>The file could not be saved. Check the folder and free disk space.</source>
        <translation>Не удалось сохранить файл. Проверьте папку и свободное место на диске.</translation>
    </message>
    <message>
        <source>Save ticket as PDF</source>
        <translation>Сохранить талон в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>свободно</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>записан</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>явился</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>не явился</translation>
    </message>
    <message>
        <source>done</source>
        <translation>принят</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>недоступно</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Экспорт в календарь</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Cancel the appointment?</source>
        <translation>Отменить запись?</translation>
    </message>
    <message>
        <source>Cancel the appointment on %1?</source>
        <translation>Отменить запись на %1?</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Отменить запись</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Tomorrow: %1</source>
        <translation>Завтра: %1</translation>
    </message>
    <message>
        <source>In two hours: %1</source>
        <translation>Через два часа: %1</translation>
    </message>
    <message>
        <source>OMS</source>
        <translation>ОМС</translation>
    </message>
    <message>
        <source>VHI</source>
        <translation>ДМС</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>Страховщик</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <source>OMS (compulsory health insurance)</source>
        <translation>ОМС (обязательное медицинское страхование)</translation>
    </message>
    <message>
        <source>VHI (voluntary health insurance)</source>
        <translation>ДМС (добровольное медицинское страхование)</translation>
    </message>
    <message>
        <source>Paid by the patient</source>
        <translation>Оплачено пациентом</translation>
    </message>
    <message>
        <source>Paid by an insurer</source>
        <translation>Оплачено страховщиком</translation>
    </message>
    <message>
        <source>Payer not stated</source>
        <translation>Плательщик не указан</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>На проверке</translation>
    </message>
    <message>
        <source>Not provided</source>
        <translation>Не оказана</translation>
    </message>
    <message>
        <source>Provided</source>
        <translation>Оказана</translation>
    </message>
    <message>
        <source>Already reported</source>
        <translation>Уже есть обращение</translation>
    </message>
    <message>
        <source>Amounts in US dollars (USD).</source>
        <translation>Суммы в долларах США (USD).</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>заявка</translation>
    </message>
    <message>
        <source>doctor assigned</source>
        <translation>врач назначен</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>at home: %1</source>
        <translation>на дому: %1</translation>
    </message>
    <message>
        <source>video consultation</source>
        <translation>видеоконсультация</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>time not set yet</source>
        <translation>время ещё не назначено</translation>
    </message>
    <message>
        <source>Booked by %1</source>
        <translation>Записал(а): %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <source>Appointment ticket</source>
        <translation>Талон на приём</translation>
    </message>
    <message>
        <source>Appointment ID</source>
        <translation>Идентификатор записи</translation>
    </message>
    <message>
        <source>Please come 10 minutes early.</source>
        <translation>Пожалуйста, приходите за 10 минут до приёма.</translation>
    </message>
    <message>
        <source>Print the ticket</source>
        <translation>Печать талона</translation>
    </message>
    <message>
        <source>Your sign-in would then be kept in a file in your Medcard folder, encrypted with a master password that Medcard asks for at every start. If you forget it, you can start over: sign in again and the card is downloaded anew.</source>
        <translation>Тогда данные входа будут храниться в файле в папке Медкарты, зашифрованном мастер-паролем, который Медкарта спрашивает при каждом запуске. Если вы его забудете, можно начать заново: войти ещё раз, и медкарта загрузится снова.</translation>
    </message>
    <message>
        <source>Use an encrypted file</source>
        <translation>Использовать зашифрованный файл</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Medcard master password:</source>
        <translation>Мастер-пароль Медкарты:</translation>
    </message>
    <message>
        <source>The master password is wrong. Try again:</source>
        <translation>Неверный мастер-пароль. Попробуйте ещё раз:</translation>
    </message>
    <message>
        <source>Forgot the master password?</source>
        <translation>Забыли мастер-пароль?</translation>
    </message>
    <message>
        <source>Medcard can start over: the sign-ins and the cards kept on this computer are removed (your cards stay on the portal), you choose a new master password and sign in again.</source>
        <translation>Медкарта может начать заново: сохранённые входы и медкарты на этом компьютере будут удалены (на портале медкарты останутся), вы зададите новый мастер-пароль и войдёте снова.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Начать заново</translation>
    </message>
    <message>
        <source>Choose a master password (at least 8 characters):</source>
        <translation>Придумайте мастер-пароль (не короче 8 символов):</translation>
    </message>
    <message>
        <source>Too short. Choose a master password of at least 8 characters:</source>
        <translation>Слишком короткий. Придумайте мастер-пароль не короче 8 символов:</translation>
    </message>
    <message>
        <source>Type the master password again:</source>
        <translation>Введите мастер-пароль ещё раз:</translation>
    </message>
    <message>
        <source>The two passwords differ. Choose a master password:</source>
        <translation>Пароли не совпадают. Придумайте мастер-пароль:</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>ДД</translation>
    </message>
    <message>
        <source>MM</source>
        <translation>ММ</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>ГГГГ</translation>
    </message>
    <message>
        <source>Nothing in the card matches “%1”.</source>
        <translation>В медкарте ничего не найдено по запросу «%1».</translation>
    </message>
    <message>
        <source>Only the chosen kinds of records and period were searched.</source>
        <translation>Поиск шёл только среди выбранных видов записей и за выбранный период.</translation>
    </message>
    <message>
        <source>No records of this kind in the chosen period.</source>
        <translation>Записей этого вида за выбранный период нет.</translation>
    </message>
    <message>
        <source>No records of this kind in the card.</source>
        <translation>Записей этого вида в медкарте нет.</translation>
    </message>
    <message>
        <source>No records in the chosen period.</source>
        <translation>За выбранный период записей нет.</translation>
    </message>
    <message>
        <source>The card has no records yet. They appear here after a sync with the portal.</source>
        <translation>В медкарте пока нет записей. Они появятся здесь после синхронизации с порталом.</translation>
    </message>
    <message>
        <source>This is not a date. Type it as %1, for example %2.</source>
        <translation>Это не дата. Введите её в виде %1, например %2.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол.</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Кто оплатил</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>Clinic not stated</source>
        <translation>Медучреждение не указано</translation>
    </message>
    <message>
        <source>Paper copies of records</source>
        <translation>Бумажные копии записей</translation>
    </message>
    <message>
        <source>Pick it up at the clinic&apos;s registry.</source>
        <translation>Получите его в регистратуре поликлиники.</translation>
    </message>
    <message>
        <source>The document is in the list: open it to see the PDF.</source>
        <translation>Документ в списке: откройте его, чтобы посмотреть PDF.</translation>
    </message>
    <message>
        <source>Ready by %1.</source>
        <translation>Будет готов к %1.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <source>Paper, at the clinic</source>
        <translation>На бумаге, в поликлинике</translation>
    </message>
    <message>
        <source>Electronic (PDF)</source>
        <translation>Электронно (PDF)</translation>
    </message>
    <message>
        <source>Service code</source>
        <translation>Код услуги</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Total for the period</source>
        <translation>Итого за период</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>По годам</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>проверяю…</translation>
    </message>
    <message>
        <source>no policy</source>
        <translation>нет полиса</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>недействителен</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>действует до %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>действует</translation>
    </message>
    <message>
        <source>Patient, born (age)</source>
        <translation>Пациент, возраст</translation>
    </message>
    <message>
        <source>OMS policy</source>
        <translation>Полис ОМС</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Прикреплён</translation>
    </message>
    <message>
        <source>not attached</source>
        <translation>не прикреплён</translation>
    </message>
    <message>
        <source>this clinic</source>
        <translation>эта поликлиника</translation>
    </message>
    <message>
        <source>Save as a file?</source>
        <translation>Сохранить в файл?</translation>
    </message>
    <message>
        <source>The file will hold the patient&apos;s personal data and stay where you save it. At the desk, print instead; save only onto the patient&apos;s own USB stick, and never into a shared folder of this computer.</source>
        <translation>В файле будут персональные данные пациента, и он останется там, куда его сохранят. В регистратуре лучше напечатать; сохраняйте только на флешку самого пациента и никогда — в общие папки этого компьютера.</translation>
    </message>
    <message>
        <source>Save anyway…</source>
        <translation>Всё равно сохранить…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <source>your insurance company</source>
        <translation>ваша страховая компания</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>круглосуточно</translation>
    </message>
    <message>
        <source>by choice</source>
        <translation>по выбору</translation>
    </message>
    <message>
        <source>change of residence</source>
        <translation>смена места жительства</translation>
    </message>
    <message>
        <source>by place of residence</source>
        <translation>по месту жительства</translation>
    </message>
</context>
</TS>
